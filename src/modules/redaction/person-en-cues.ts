// The context around a run of capitalised words that says it is (or is not) a person's name: titles and honorifics,
// role words, mail display names and headers, signature blocks, chat speakers, verbs and greetings, organisation words.
import { CLOSINGS, ORG_SUFFIXES, ROLE_WORDS } from './data/not-names-en.js';
import { escapeRegExp, groupSpan, matches } from './text.js';
import type { Candidate } from './types.js';

export interface Cue {
  // title: a title or honorific, any words; strong: a role, mail or chat cue; weak: a verb, greeting or list; none.
  level: 'title' | 'strong' | 'weak' | 'none';
  reason: string;
  personal?: boolean;
  any?: boolean; // "our accountant Ngozi", "[10:02] Xiaoming:": even a word no lexicon knows
  clear?: boolean; // only a name that is not also a word // "Hi Mark", "called Baker": a curated name that is also a word counts alone
  place?: boolean; // "in Austin", "based in Georgia": not a name without a cue
  org?: boolean; // "Kelly Services", "Hamilton & Co": an organisation
}

export const HONORIFIC = '(?:san|sama|sensei|senpai|kun|chan|shi)';
const ROLE = `(?:${ROLE_WORDS.map(escapeRegExp).join('|')})`;
const ORG = `(?:${ORG_SUFFIXES.map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`).join('|')})`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?)`;
const STAMP = String.raw`[\[(]?(?:${DATE}[ T,]*)?${TIME}[\])]?`;
const HEADER = String.raw`from|to|cc|bcc|reply-to|sender|attendees?|participants?|organi[sz]er|requested\s+by|reported\s+by|reporter|` +
  String.raw`assigned\s+to|assignee|owner|author|contact(?:\s+person)?|(?:full\s+)?name|approved\s+by|prepared\s+by|submitted\s+by|` +
  String.raw`escalated\s+to|on[- ]call|handler|caller|requester|interviewee|witness|affected\s+(?:user|person|employee)|employee|` +
  String.raw`staff(?:\s+member)?|customer|patient|signed(?:\s+off)?(?:\s+by)?|present|absent|speaker|moderator|chair|manager|lead`;

const TITLE_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Madame|Mme|Mlle|Mister|Herr|Frau|Sra|Srta)\.?[ \t]+$/u;
const HONORIFIC_AFTER = new RegExp(String.raw`^-${HONORIFIC}(?!\p{L})`, 'u');
const ROLES = new Set(ROLE_WORDS);
const WORD_CHAR = /[\p{L}-]/u;

// The word before a name, past spaces and one of , ( : ("our accountant, Priya", "Reception (Anna").
function lastWord(prefix: string): string {
  let e = prefix.length;
  while (e > 0 && (prefix[e - 1] === ' ' || prefix[e - 1] === '\t')) e--;
  if (e > 0 && ',(:'.includes(prefix[e - 1] as string)) e--;
  while (e > 0 && (prefix[e - 1] === ' ' || prefix[e - 1] === '\t')) e--;
  let s = e;
  while (s > 0 && WORD_CHAR.test(prefix[s - 1] as string)) s--;
  return prefix.slice(s, e);
}
const DEPT = String.raw`accounts\s+(?:payable|receivable)|accounting|finance|treasury|hr|human\s+resources|it|sales|legal|compliance|marketing|payroll|procurement|purchasing|logistics|operations|support|customer\s+service|engineering|admissions|pharmacy|reception|front\s+desk|facilities|security|ops|admin|administration|shipping|warehouse|billing|nursing|radiology|research|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:team|department|dept|office|desk|unit)`;
const APPOSITION_AFTER = new RegExp(String.raw`^[ \t]*(?:,|\(|-|–|—|\|)[ \t]*(?:(?:our|the|a|an|their|my|his|her|your)[ \t]+)?` +
  String.raw`(?:[\p{L}&-]+[ \t]+){0,3}?${ROLE}(?![\p{L}])|^[ \t]*\([ \t]*(?:${DEPT})[ \t]*[),/]`, 'iu');
const MAIL_AFTER = /^["']?[ \t]*(?:<[^<>\s@]+@[^<>\s]+>|\[mailto:|\([^()\s@]+@[^()\s]+\))/;
const LAST_FIRST_AFTER = /^,[ \t]*\p{Lu}[\p{L}'’ .-]{0,40}?["']?[ \t]*<[^<>\s@]+@/u;
const HEADER_BEFORE = new RegExp(String.raw`^[ \t>*|-]*(?:[\p{L}-]+[ \t]+){0,3}?(?:${HEADER}|point\s+of\s+contact|poc|pic|person\s+in\s+charge|${ROLE})[ \t]*:[ \t]*(?:[^\n]*?(?:[,;&/>]|\band\b)[ \t]*)?["']?$`, 'iu');
const CHAT_BEFORE = new RegExp(String.raw`^[ \t]*${STAMP}[ \t]*(?:[-|][ \t]*)?<?$`);
const SPEAKER_AFTER = /^>?[ \t]*:(?:[ \t]+(?!(?:true|false|null|undefined|none)(?!\p{L}))[\p{L}@]|[ \t]*$)/u;
const STAMP_AFTER = new RegExp(String.raw`^[ \t]+(?:[-|·][ \t]*)?${STAMP}[ \t]*$|^[ \t]*[\[(]${TIME}[\])][ \t]*:`);
const LINE_START = /^[ \t>*•-]*$/;
const GREETING_BEFORE = /(?:^|[^\p{L}])(?:hi|hello|hey|dear|thanks|thank\s+you|thx|cheers|regards|best|morning|good\s+(?:morning|afternoon|evening)|sincerely|attn|attention|fao)[ \t]*[,:]?[ \t]+$/iu;
// Verbs done to a person ("called Baker") let a curated name that is also a word count alone; prepositions do not.
const PERSON_VERB_BEFORE = /(?:^|[^\p{L}])(?:contacted|informed|called|phoned|emailed|e-mailed|messaged|pinged|notified|asked|told|thanked|cc|cc'd|ask|contact|tell|call|ping|email|message|remind|reminded|inform|notify|let|thank|spoke\s+(?:to|with)|talked\s+to|according\s+to|met|reported\s+by|signed(?:\s+off)?\s+by|interviewed|warned|instructed)[ \t]*,?[ \t]+$/iu;
const CONTEXT_BEFORE = /(?:^|[^\p{L}])(?:by|from|to|with|and|&|per|reported|via|or)[ \t]*,?[ \t]+$/iu;
// Past participles used as adjectives after a product ("a Joi based schema", "Jenkins hosted jobs").
const PARTICIPLES = String.raw`(?:based|related|powered|enabled|managed|hosted|licensed|branded|themed|shaped|sized|owned|operated|backed|supported|certified|sponsored|flavou?red|named|styled|compatible|inspired)(?!\p{L})`;
// What a person does or is, after a name: "Priya clicked", "Priya restarted", "Priya from accounting".
const VERB_AFTER = new RegExp(String.raw`^,?[ \t]+(?:said|says|told|thinks|thought|found|saw|wrote|writes|sent|got|took|gave|made|ran|went|came|knew|` +
  String.raw`reports|works|uses|clicks|opens|needs|wants|asks|replied|(?!${PARTICIPLES})\p{Ll}{2,}ed|logged\s+(?:in|on)|who|is\s+(?:on|in|our|the|a|an)|was\s+(?:on|in|our|the|a|an)|` +
  String.raw`has\s+(?:been|not|already|also)|had\s+(?:been|not|already|also)|and\s+I|(?:from|in|of)\s+(?:${DEPT}))(?![\p{L}])`, 'iu');
// "Priya and Tom", "Priya & Tom": the other side of a list of people.
const LIST_AFTER = /^[ \t]+(?:and|&)[ \t]+\p{Lu}/u;
const POSSESSIVE_AFTER = /^['’]s(?!\p{L})/u;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:a|an|the|this|that|these|those|its|each|every|any)[ \t]+$/iu;
const MENTION_BEFORE = /(?:^|[ \t(])@$/;
const DASH_SIGNOFF_BEFORE = /[ \t][-–—~][ \t]*$/;
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|across|based\s+in|located\s+in|visit(?:ed|ing)?)[ \t]+$/iu;
// "Espree 2.0", "Exchange 2016", "Office 365": a product and its version.
const VERSION_AFTER = /^[ \t]+v?(?:\d+(?:\.(?:\d+|x))+|365|(?:19|20)\d\d)(?![\d:/.-])/;
const ORG_AFTER = new RegExp(String.raw`^,?[ \t]+(?:&[ \t]*\p{Lu}|and[ \t]+(?:Sons|Partners|Associates|Company)|${ORG}\.?(?![\p{L}]))`, 'u');
const SIG_PREFIX = /^[ \t]*(?:--?|—|–|~)?[ \t]*$/;
const SIG_REST = /^[ \t]*(?:(?:,|\||–|—|-)[ \t]*[\p{Lu}\d+(][^\n]{0,60})?$/u;
// The closing may end the last paragraph's line ("… any questions. Thanks,").
const CLOSING_LINE = new RegExp(String.raw`(?:^|[.!?][ \t]+)[ \t]*(?:(?:${CLOSINGS})[ \t]*[,.!]*|--[ \t]*)$`, 'i');
const SIG_NEXT = new RegExp(String.raw`(?:^|[^\p{L}])(?:${ROLE}|${ORG}|tel|phone|mobile|mob|cell|ext|fax|e-?mail|www)(?![\p{L}])|[+(]?\d[\d ()-]{6,}|@`, 'iu');

const cue = (level: Cue['level'], reason: string, extra: Partial<Cue> = {}): Cue => ({ level, reason, ...extra });

// The previous non-empty line (one blank line may sit between) and the next line.
function nearLines(text: string, lineStart: number, lineEnd: number): { prev: string | undefined; blankBefore: boolean; next: string } {
  let i = lineStart - 1;
  let blankBefore = lineStart === 0;
  let prev: string | undefined;
  for (let step = 0; i >= 0 && step < 2; step++) {
    const s = text.lastIndexOf('\n', i - 1) + 1;
    const line = text.slice(s, i);
    if (line.trim() !== '') { prev = line; break; }
    blankBefore = true;
    i = s - 1;
  }
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const next = lineEnd >= text.length ? '' : text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
  return { prev, blankBefore: blankBefore || prev === undefined, next };
}

// A name alone on its line after "Regards," (strong), or above a title, company or phone line (weak).
function signatureCue(text: string, lineStart: number, lineEnd: number): Cue | undefined {
  const { prev, blankBefore, next } = nearLines(text, lineStart, lineEnd);
  if (prev !== undefined && CLOSING_LINE.test(prev)) return cue('strong', 'name_in_context', { any: true });
  if (blankBefore && SIG_NEXT.test(next)) return cue('weak', 'name_in_context');
  return undefined;
}

// Roles an organisation can also fill ("customer Acme", "contractor Initech"): they need a name the lexicons know.
const ORG_ROLES = new Set(['customer', 'client', 'partner', 'contractor', 'subcontractor', 'consultant', 'owner', 'tenant', 'landlord', 'user',
  'member', 'victim', 'sender', 'recipient', 'caller', 'requester', 'requestor', 'reporter', 'handler', 'responder', 'representative', 'rep', 'buyer']);

// A capitalised role ("Developer Grant", "Warehouse Lead Priya") may be a heading: it takes only clear names.
function roleBefore(prefix: string): Cue | undefined {
  const raw = lastWord(prefix);
  const word = raw.toLowerCase();
  if (!ROLES.has(word)) return undefined;
  return /^\p{Lu}\p{Ll}/u.test(raw) ? cue('strong', 'name_with_role', { clear: true }) : cue('strong', 'name_with_role', { any: !ORG_ROLES.has(word) });
}

// The cue around text[start, end). `full` false: only the cues that make any word a name (a title, an honorific, a
// role word, a chat speaker, a signature after "Regards,"), for runs with no word the lexicons know well.
export function cueOf(text: string, start: number, end: number, full = true): Cue {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const found = text.indexOf('\n', end);
  const lineEnd = found < 0 ? text.length : found;
  const linePrefix = text.slice(Math.max(lineStart, start - 200), start);
  const prefix = linePrefix.slice(-60);
  const rest = text.slice(end, Math.min(lineEnd, end + 160)).replace(/\r$/, '');
  if (ORG_AFTER.test(rest) || VERSION_AFTER.test(rest)) return cue('none', '', { org: true });
  if (TITLE_BEFORE.test(prefix)) return cue('title', 'name_title');
  if (HONORIFIC_AFTER.test(rest)) return cue('title', 'name_dictionary_with_honorific');
  const role = roleBefore(prefix);
  if (role) return role;
  if (MENTION_BEFORE.test(prefix)) return cue('strong', 'name_in_context', { any: true });
  if (full && APPOSITION_AFTER.test(rest)) return cue('strong', 'name_with_role');
  if (full && (MAIL_AFTER.test(rest) || LAST_FIRST_AFTER.test(rest) || HEADER_BEFORE.test(linePrefix))) return cue('strong', 'name_in_context');
  const atLineStart = LINE_START.test(linePrefix);
  if (CHAT_BEFORE.test(linePrefix) && SPEAKER_AFTER.test(rest)) return cue('strong', 'name_in_context', { any: true });
  if (atLineStart && STAMP_AFTER.test(rest)) return cue('strong', 'name_in_context', { any: true });
  if (SIG_PREFIX.test(linePrefix) && SIG_REST.test(rest)) {
    const sig = signatureCue(text, lineStart, lineEnd);
    if (sig && (full || sig.any)) return sig;
  }
  if (!full || ARTICLE_BEFORE.test(prefix)) return cue('none', ''); // "a Joi schema", "the Pino logger": things
  if (GREETING_BEFORE.test(prefix) || PERSON_VERB_BEFORE.test(prefix) || (DASH_SIGNOFF_BEFORE.test(prefix) && rest.trim() === '')) {
    return cue('weak', 'name_in_context', { personal: true });
  }
  if (CONTEXT_BEFORE.test(prefix) || CHAT_BEFORE.test(linePrefix) || VERB_AFTER.test(rest) || POSSESSIVE_AFTER.test(rest) || LIST_AFTER.test(rest)) {
    return cue('weak', 'name_in_context');
  }
  if (atLineStart && SPEAKER_AFTER.test(rest)) return cue('weak', 'name_in_context');
  return cue('none', '', { place: PLACE_BEFORE.test(prefix) });
}

// IRC-style speakers, "<priya.r> I clicked it": in a transcript (a time stamp, or two such lines) the handle is a person.
const HANDLE_RE = new RegExp(String.raw`^[ \t]*(${STAMP}[ \t]*)?<([A-Za-z][\w.-]{1,31})>(?=[ \t]+\S)`, 'dgm');
const NOT_HANDLE = /^(?:div|span|p|br|hr|html|body|head|script|style|table|tr|td|th|li|ul|ol|a|b|i|u|em|strong|pre|code|h[1-6]|img|meta|link|title|form|input|xml|svg|redacted|user|username|name|email|password|ip|host|hostname|domain|url|id|token|secret|value|none|null|system|server|bot)$/i;

export function chatHandles(text: string): Candidate[] {
  const found = [...matches(HANDLE_RE, text)].filter((m) => !NOT_HANDLE.test(m[2] as string) && /[a-z]/.test(m[2] as string));
  // Without time stamps, only unindented lines: indented "<regex>  provide a regex" is a usage text.
  const stamped = found.filter((m) => m[1] !== undefined);
  const plain = found.filter((m) => m[1] === undefined && /^</.test(m[0]));
  const kept = [...stamped, ...(plain.length >= 2 ? plain : [])].sort((a, b) => a.index - b.index);
  return kept.flatMap((m) => {
    const span = groupSpan(m, 2);
    return span ? [{ kind: 'sensitive' as const, label: 'PERSON' as const, start: span[0], end: span[1], reason: 'name_in_context' }] : [];
  });
}
