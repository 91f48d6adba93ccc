// TEMPORARY STAND-IN until the redaction branch is merged (replaced by the real module).
export const SENSITIVE_LABELS = ['PERSON', 'EMAIL', 'PHONE', 'POSTAL_ADDRESS', 'MY_NUMBER', 'CARD_NUMBER', 'SECRET', 'ACCOUNT', 'INTERNAL_IP', 'INTERNAL_HOST', 'VICTIM_ORG', 'VICTIM_DOMAIN', 'VICTIM_IP'] as const;
export interface OrgProfile { name: string; aliases: string[]; domains: string[]; cidrs: string[] }
export interface Span { start: number; end: number; label: string }
export function detectSensitive(text: string, org: OrgProfile): Array<Span & { reason: string }> {
  const out: Array<Span & { reason: string }> = [];
  for (const m of text.matchAll(/0\d{1,4}-\d{1,4}-\d{3,4}/g)) out.push({ start: m.index, end: m.index + m[0].length, label: 'PHONE', reason: 'phone_pattern' });
  for (const name of [org.name, ...org.aliases]) {
    for (let i = text.indexOf(name); name && i >= 0; i = text.indexOf(name, i + name.length)) out.push({ start: i, end: i + name.length, label: 'VICTIM_ORG', reason: 'victim_profile_name' });
  }
  for (const m of text.matchAll(/(?:田中|佐藤)/g)) out.push({ start: m.index, end: m.index + m[0].length, label: 'PERSON', reason: 'name_dictionary' });
  return out.sort((a, b) => a.start - b.start);
}
export function extractIndicators(text: string, _org: OrgProfile): Array<Span & { value: string }> {
  return [...text.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: 'IOC_IP', value: m[0] }));
}
export function applyRedactions(text: string, spans: readonly Span[]): { text: string } {
  let out = '';
  let at = 0;
  const counters = new Map<string, number>();
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    const n = (counters.get(s.label) ?? 0) + 1;
    counters.set(s.label, n);
    out += `${text.slice(at, s.start)}[${s.label}-${n}]`;
    at = s.end;
  }
  return { text: out + text.slice(at) };
}
