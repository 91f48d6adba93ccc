// Shared shapes of the redaction module: what it is told about the member, what it proposes, what it keeps.

export type SensitiveLabel =
  | 'PERSON' | 'EMAIL' | 'PHONE' | 'POSTAL_ADDRESS' | 'MY_NUMBER' | 'CARD_NUMBER' | 'SECRET' | 'ACCOUNT'
  | 'INTERNAL_IP' | 'INTERNAL_HOST' | 'VICTIM_ORG' | 'VICTIM_DOMAIN' | 'VICTIM_IP';

export type IndicatorLabel = 'IOC_IP' | 'IOC_DOMAIN' | 'IOC_URL' | 'IOC_EMAIL' | 'IOC_HASH' | 'CVE' | 'MALWARE';

export const SENSITIVE_LABELS: readonly SensitiveLabel[] = [
  'PERSON', 'EMAIL', 'PHONE', 'POSTAL_ADDRESS', 'MY_NUMBER', 'CARD_NUMBER', 'SECRET', 'ACCOUNT',
  'INTERNAL_IP', 'INTERNAL_HOST', 'VICTIM_ORG', 'VICTIM_DOMAIN', 'VICTIM_IP',
];
export const INDICATOR_LABELS: readonly IndicatorLabel[] = ['IOC_IP', 'IOC_DOMAIN', 'IOC_URL', 'IOC_EMAIL', 'IOC_HASH', 'CVE', 'MALWARE'];

// What the platform knows about the reporting member (its profile).
export interface OrgProfile {
  name?: string;
  aliases?: readonly string[];
  domains?: readonly string[];
  cidrs?: readonly string[];
  // Its people: the names and e-mail addresses of its users and contacts, sensitive wherever they appear.
  people?: readonly string[];
  emails?: readonly string[];
  // Values coordinators taught the detector for this member after it missed them (sharing/redaction-memory).
  remembered?: ReadonlyArray<{ readonly value: string; readonly label: SensitiveLabel }>;
}

export interface Span {
  start: number;
  end: number;
}

// A proposed redaction: the coordinator accepts, rejects or adds to these.
export interface Proposal extends Span {
  label: SensitiveLabel;
  reason: string;
}

export type StixScoType = 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url' | 'email-addr' | 'file';

// An indicator to keep: normalised value, and what a caller needs to build STIX objects.
export interface Indicator extends Span {
  label: IndicatorLabel;
  value: string;
  reason: string;
  defanged: boolean;
  // SCO type and STIX pattern for observables; SDO type (vulnerability, malware) otherwise.
  stixType: StixScoType | 'vulnerability' | 'malware';
  pattern?: string;
  hashAlgorithm?: 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-512';
}

// Internal: every detector returns candidates of either kind; resolution decides what survives.
export type Candidate =
  | (Proposal & { kind: 'sensitive'; priority?: number })
  | (Indicator & { kind: 'indicator' });

export interface Redaction extends Span {
  label: string;
}

export interface Replacement extends Span {
  label: string;
  original: string;
  token: string;
}
