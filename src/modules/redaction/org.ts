// The member's own name and aliases (with or without legal-form words, any case, flexible spacing).
import { escapeRegExp, isAsciiWord, matches } from './text.js';
import type { Candidate, OrgProfile } from './types.js';

const LEGAL_FORMS = /^(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|医療法人(?:社団|財団)?|学校法人|独立行政法人|国立大学法人|\(株\)|（株）|㈱|\(有\)|（有）|㈲)\s*|\s*(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱|\(有\)|（有）|,?\s*(?:Inc\.?|Co\.,?\s?Ltd\.?|Ltd\.?|LLC|Corp(?:oration)?\.?|K\.K\.|G\.K\.|Co\.))$/gi;

export function orgForms(org: OrgProfile): string[] {
  const names = [org.name ?? '', ...(org.aliases ?? [])].map((n) => n.trim()).filter((n) => n.length >= 2);
  const forms = new Set<string>();
  for (const n of names) {
    forms.add(n);
    const core = n.replace(LEGAL_FORMS, '').trim();
    if (core.length >= 2) forms.add(core);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const LEGAL_PREFIX = String.raw`(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱|\(有\)|（有）)\s?`;
const LEGAL_SUFFIX = String.raw`(?:\s?(?:株式会社|有限会社|\(株\)|（株）|㈱)|,?\s(?:Inc\.|Inc|Co\.,\s?Ltd\.|Co\.\sLtd\.|Ltd\.|Ltd|LLC|Corporation|Corp\.|K\.K\.))`;

export function detectVictimOrg(text: string, org: OrgProfile): Candidate[] {
  const forms = orgForms(org);
  if (forms.length === 0) return [];
  const alts = forms.map((f) => escapeRegExp(f).replace(/\s+/g, String.raw`\s*`)).join('|');
  const re = new RegExp(String.raw`(?:${LEGAL_PREFIX})?(?:${alts})(?:${LEGAL_SUFFIX})?`, 'gi');
  const out: Candidate[] = [];
  for (const m of matches(re, text)) {
    const s = m.index;
    const e = s + m[0].length;
    // Latin names must stand as words ("Aoba" inside "Aobaxyz" is not the member).
    if (/^[A-Za-z0-9]/.test(m[0]) && (isAsciiWord(text[s - 1]) || /[.@-]/.test(text[s - 1] ?? ''))) continue;
    if (/[A-Za-z0-9]$/.test(m[0]) && (isAsciiWord(text[e]) || /^[.@-][A-Za-z0-9]/.test(text.slice(e, e + 2)))) continue;
    out.push({ kind: 'sensitive', label: 'VICTIM_ORG', start: s, end: e, reason: 'victim_profile_name', priority: 1 });
  }
  return out;
}
