// Top-level domains accepted for bare domain names (no scheme), and internal suffixes (.onion counts: a ransom
// note gives its leak site without a scheme).
// Country codes that are also common file extensions (.py, .sh, .md, …) need a scheme or a defanged form.

const GENERIC = `com net org info biz xyz top site online click link live club shop store app dev io co me tv cc ws pw
icu buzz cyou vip work fun space website tech cloud email support host pro mobi name asia today world life news
blog digital network services solutions systems agency center company group global international media one page
plus run win bid loan men date stream download review trade party science racing cricket accountant faith gdn
kim ltd monster rest beauty hair skin lol quest sbs bond cfd autos boats homes motorcycles yachts best bar uno
gov edu mil int arpa tokyo osaka nagoya yokohama kyoto okinawa jpn onion` .split(/\s+/);

const CC = `ac ad ae af ag al ao ar at au az ba bd be bg bh bo br bs by bz ca ch cl cn cr cu cy cz de dk dz ec ee eg
es eu fi fj fr ge gh gr gt hk hn hr ht hu id ie il in iq ir is it jm jo jp ke kg kh kr kw kz la lb li lk lt lu lv ly
ma mc mn mo mt mu mv mx my mz na ng ni nl no np nz om pa pe ph pk pr pt py qa ro rs ru sa se sg si sk sn su sv sy th
tj tk tm tn to tr tw tz ua ug uk us uy uz va ve vn ye za zm zw cf ga gq ml` .split(/\s+/);

// Country codes that are also file extensions: only with a scheme, in an e-mail address or when defanged.
const FILE_LIKE = new Set(['py', 'sh', 'md', 'rs', 'pl', 'ps', 'so', 'cc', 'mk', 'st', 'ai', 'am', 'in', 'do', 'js', 'ts', 'cs']);

const PUBLIC = new Set([...GENERIC, ...CC].filter((t) => t.length > 0));

export const INTERNAL_SUFFIXES = ['local', 'lan', 'internal', 'intranet', 'intra', 'corp', 'localdomain', 'home.arpa', 'home', 'private', 'localhost'];

export function tldOf(host: string): string {
  const i = host.lastIndexOf('.');
  return (i < 0 ? host : host.slice(i + 1)).toLowerCase();
}

export const isInternalHostName = (host: string): boolean => {
  const h = host.toLowerCase();
  return INTERNAL_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
};

export function acceptsBareDomain(host: string, defanged: boolean): boolean {
  const tld = tldOf(host);
  if (isInternalHostName(host)) return true;
  if (!PUBLIC.has(tld)) return false;
  return defanged || !FILE_LIKE.has(tld);
}

export const isPublicTld = (host: string): boolean => PUBLIC.has(tldOf(host)) || FILE_LIKE.has(tldOf(host));
