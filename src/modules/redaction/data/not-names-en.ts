// Words and phrases the Latin-script person detector must not take for names, and the cue words it looks for.
// The name lexicon (humannames) holds many words that are also products, places or jargon (Server, Jenkins, Admin,
// Paris): the lists below overrule it. Places and organisations were checked against compromise's lexicon (MIT).
import { MALWARE } from './malware.js';

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);
const phrases = (s: string): string[] => s.split('|').map((p) => p.trim().toLowerCase()).filter((p) => p.length > 0);

// Never part of a person's name: vendors, products, tools, jargon, days, months, nationalities, places.
const STOP = words(`
admin administrator root guest system service support helpdesk servicedesk noreply notifications security team it
windows linux unix ubuntu debian fedora centos redhat macos mac ios android chrome chromium firefox safari outlook exchange
sharepoint onedrive office azure entra intune defender sentinel purview microsoft google gmail amazon aws apple icloud
dropbox slack zoom webex cisco meraki fortinet fortigate fortios forti palo alto juniper sonicwall sophos kaspersky eset
mcafee symantec broadcom trellix crowdstrike falcon sentinelone cylance bitdefender malwarebytes avast trend micro
mandiant fireeye tenable nessus qualys splunk elastic kibana logstash grafana wazuh suricata snort zeek wireshark nmap
metasploit mimikatz powershell python perl java javascript php docker kubernetes jira confluence atlassian sap
salesforce servicenow okta duo citrix vmware esxi vcenter veeam synology qnap netgear lenovo asus acer huawei xiaomi
samsung sony toshiba fujitsu hitachi ricoh canon epson kyocera panasonic toyota nissan mazda subaru anydesk teamviewer
screenconnect connectwise kaseya atera solarwinds moveit ivanti barracuda mimecast proofpoint fedex dhl paypal visa
mastercard stripe shopify wordpress drupal joomla magento apache tomcat nginx struts django github gitlab bitbucket
ansible terraform kerberos excel powerpoint acrobat adobe telegram whatsapp discord skype viber wechat kakaotalk
instagram facebook twitter linkedin tiktok youtube netflix airbnb bing yahoo protonmail hotmail lastpass bitwarden
keepass yubikey bitlocker sysmon psexec rclone winscp filezilla putty wmic certutil bitsadmin mshta lsass svchost
notepad chatgpt openai copilot gemini claude lazarus turla kimsuky andariel sandworm lapsus exe dll macro stager
talos dragos claroty nozomi darktrace vectra huntress secureworks cloudflare akamai imperva zscaler netskope tanium
cybereason morphisec blackberry webroot avira comodo acronis datto veritas arcserve commvault rubrik cohesity zerto
nutanix proxmox graylog datadog dynatrace nagios zabbix icinga auvik pulseway syncro splashtop bomgar dameware radmin
ammyy supremo rustdesk meshcentral ngrok tailscale zerotier wireguard openvpn globalprotect anyconnect forticlient
watchguard stormshield checkpoint pfsense opnsense mikrotik ubiquiti unifi aruba ruckus ntt kddi softbank rakuten
chatwork cybozu garoon kintone sansan skysea lanscope assetview zoho freshdesk hubspot mailchimp sendgrid twilio
godaddy namecheap cpanel plesk xampp mysql postgres postgresql mongodb redis elasticsearch kafka rabbitmq
schema json yaml api sdk cli npm node deno babel webpack vite rollup eslint mocha jest chai sinon karma jasmine koa
fastify hapi pino winston bunyan bower grunt gulp lodash axios redux react angular vue svelte jquery bootstrap tailwind
sass postcss typescript esprima espree acorn regex glob setup config dashboard login logout signin signup username
hostname localhost
trojan bec hr soc isac noc cert ceo cfo cto cio ciso coo hq ok tlp cve ioc iocs faq
mr mrs ms miss mx dr prof professor sir dame madam mme mlle mister herr frau hi hello hey dear thanks thank regards
cheers sincerely co inc ltd llc llp plc corp gmbh kk pty
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
january february march april may june july august september october november december feb apr jul aug
sep sept oct nov dec christmas easter
english japanese american british chinese russian korean french german spanish italian indian vietnamese thai dutch
swedish norwegian danish finnish polish czech turkish arabic persian hebrew greek portuguese brazilian mexican
canadian australian european asian african latin irish scottish welsh ukrainian israeli iranian taiwanese filipino
indonesian malaysian singaporean pakistani bangladeshi nigerian kenyan egyptian saudi emirati
afghanistan albania algeria angola argentina armenia austria azerbaijan bahrain bangladesh belarus belgium bolivia
bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus denmark ecuador egypt
estonia ethiopia finland france germany ghana greece guatemala honduras hungary iceland india indonesia iran iraq
ireland israel italy japan kazakhstan kenya korea kuwait laos latvia lebanon libya lithuania luxembourg malaysia
mexico mongolia morocco myanmar nepal netherlands nigeria norway oman pakistan panama paraguay peru philippines
poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden
switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen
zambia zimbabwe europe asia africa america england scotland wales britain
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming
tokyo osaka kyoto yokohama nagoya sapporo sendai kobe fukuoka saitama kanagawa hokkaido okinawa kagoshima kumamoto
shizuoka hamamatsu niigata shinjuku shibuya chiyoda roppongi akihabara ginza umeda namba
london berlin munich frankfurt hamburg madrid barcelona rome milan vienna zurich geneva amsterdam rotterdam brussels
lisbon prague warsaw budapest bucharest athens istanbul moscow kyiv kiev stockholm oslo copenhagen helsinki dublin
edinburgh glasgow manchester liverpool birmingham leeds bristol toronto vancouver montreal ottawa chicago boston
seattle atlanta miami philadelphia pittsburgh detroit baltimore sacramento redmond cupertino seoul busan beijing
shanghai shenzhen guangzhou taipei hanoi bangkok jakarta manila mumbai delhi bangalore bengaluru hyderabad chennai
kolkata karachi lahore dhaka dubai doha riyadh tehran baghdad cairo lagos nairobi johannesburg melbourne brisbane
perth auckland wellington lima bogota santiago caracas
`);

// Brands and places that are also names (Jenkins, Dell, Austin, Georgia): weak evidence, like ordinary words.
const WEAK = words(`
jenkins dell ford norton oracle ruby alexa siri cortana mercedes tesla porsche ferrari chanel gucci prada
dior hermes disney boeing kellogg heinz nestle walmart costco target marriott hilton hyatt
georgia virginia carolina florence sydney austin dallas houston jordan victoria chelsea paris phoenix orlando savannah
charlotte madison lincoln washington denver memphis nashville raleigh regina adelaide kingston
brooklyn lancaster york oxford cambridge richmond cleveland arlington columbus salem vegas
`);

// Place, organisation and threat-actor names made of name-like words, and the malware list's multi-word names.
const PHRASES = phrases(`
new york|los angeles|san francisco|san jose|san diego|san antonio|san juan|santa clara|santa monica|santa barbara|
santa fe|palo alto|hong kong|ho chi minh|tel aviv|abu dhabi|kuala lumpur|sri lanka|costa rica|puerto rico|
saudi arabia|south africa|new zealand|new delhi|las vegas|buenos aires|sao paulo|rio de janeiro|el paso|st louis|
saint louis|mountain view|addis ababa|dar es salaam|phnom penh|la paz|santo domingo|kansas city|
morgan stanley|goldman sachs|wells fargo|dow jones|charles schwab|merrill lynch|lockheed martin|johnson controls|
kelly services|booz allen|ernst young|marks spencer|hewlett packard|procter gamble|johnson johnson|ralph lauren|
calvin klein|tommy hilfiger|estee lauder|louis vuitton|harley davidson|rolls royce|arthur andersen|baker mckenzie|
jones day|jimmy choo|christian dior|hugo boss|ted baker|john lewis|tim hortons|dunkin donuts|ben jerry|
check point|carbon black|kaspersky lab|volt typhoon|salt typhoon|fancy bear|cozy bear|scattered spider|
wizard spider|evil corp|charming kitten|mustang panda|lazarus group|hunters international|
`);

const malwareForms = MALWARE.flatMap((m) => [m.name, ...(m.aliases ?? [])]).map((f) => f.toLowerCase());
// Single-word malware names that are never given names (the list marks the ambiguous ones `context`).
const MALWARE_WORDS = MALWARE.filter((m) => !m.context).flatMap((m) => [m.name, ...(m.aliases ?? [])])
  .filter((f) => /^[A-Za-z]+$/.test(f)).map((f) => f.toLowerCase());

export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([...STOP, ...MALWARE_WORDS]);
export const WEAK_NAME_WORDS: ReadonlySet<string> = new Set(WEAK);
export const NOT_NAME_PHRASES: readonly string[] = [...PHRASES, ...malwareForms.filter((f) => / /.test(f))];

// Words after a name that make it an organisation: "Kelly Services", "Morgan & Co", "Hamilton Hospital".
export const ORG_SUFFIXES = words(`
inc ltd llc llp plc corp corporation co company group services solutions technologies technology systems partners
associates consulting consultants bank capital holdings foundation university college hospital clinic institute labs
laboratories law networks software security insurance financial securities trust industries enterprises international
global motors airlines airways pharma pharmaceuticals media foods logistics electric energy school academy center centre
fund investments ventures realty properties construction manufacturing hotel hotels restaurant store stores
`);

// Words for a person's job or relation, before ("our accountant Priya") or after ("Priya, our accountant") a name.
export const ROLE_WORDS = words(`
lead leader manager accountant bookkeeper controller treasurer auditor nurse doctor physician surgeon pharmacist
therapist caregiver dentist contractor subcontractor consultant engineer analyst administrator admin sysadmin technician
tech developer programmer architect clerk receptionist secretary assistant intern trainee director supervisor officer
head chief coordinator specialist executive president vp ceo cfo cto cio ciso coo cso dpo partner attorney lawyer
paralegal teacher principal professor lecturer student pharmacist operator owner founder cofounder co-founder cashier
employee colleague coworker co-worker staffer member customer patient client user volunteer representative rep
salesperson buyer recruiter guard janitor electrician mechanic foreman worker boss hire
chairman chairwoman chairperson chair councillor councilor mayor superintendent registrar librarian counsel
investigator inspector responder handler reporter requester requestor caller sender recipient victim tenant landlord
`);

// A line that closes a mail just before the signature.
export const CLOSINGS = String.raw`(?:(?:best|kind|warm|warmest|many|with)\s+)?(?:regards|wishes|thanks)|best|thanks|thank\s+you|cheers|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|respectfully|br|rgds|all\s+the\s+best|take\s+care|talk\s+soon|ty`;
