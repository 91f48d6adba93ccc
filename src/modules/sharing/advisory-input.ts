// Checks what a coordinator asks to publish, before anything is composed: bounded texts, indicator
// values that are what their kind says, CVE and ATT&CK ids in their formats. Pure.
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { AppError } from '../../errors.js';
import { ADVISORY_LIMITS, type IndicatorKind } from './advisory-limits.js';
import type { AdvisoryContent, Bilingual } from './advisory-stix.js';


const invalid = (detail: string) => new AppError('validation_failed', { detail });

const HASH_LENGTH: Partial<Record<IndicatorKind, number>> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const EMAIL = /^[^\s@]{1,64}@([^\s@]{1,253})$/;
const CVE = /^CVE-\d{4}-\d{4,}$/;
const MITRE = /^T\d{4}(?:\.\d{3})?$/;

function bilingual(field: string, value: Bilingual, max: number): Bilingual {
  const ja = value.ja.trim();
  const en = value.en.trim();
  if (!ja || !en || ja.length > max || en.length > max) throw invalid(`${field}: Japanese and English, 1–${max} characters each`);
  return { ja, en };
}

const asciiDomain = (value: string): string | null => {
  const ascii = domainToASCII(value.replace(/\.$/, '').toLowerCase());
  return ascii && DOMAIN.test(ascii) ? ascii : null;
};

/** The canonical form of an indicator value, or null when it is not one of its kind. */
export function cleanIndicatorValue(kind: IndicatorKind, raw: string): string | null {
  const value = raw.trim();
  const hashLength = HASH_LENGTH[kind];
  if (hashLength) return new RegExp(`^[0-9a-fA-F]{${hashLength}}$`).test(value) ? value.toLowerCase() : null;
  switch (kind) {
    case 'ipv4': return isIPv4(value) ? value : null;
    case 'ipv6': return isIPv6(value) ? value.toLowerCase() : null;
    case 'domain': return asciiDomain(value);
    case 'email': {
      const match = EMAIL.exec(value);
      const domain = match?.[1] ? asciiDomain(match[1]) : null;
      return match && domain ? `${value.slice(0, value.lastIndexOf('@'))}@${domain}` : null;
    }
    case 'url': {
      try {
        const url = new URL(value);
        return ['http:', 'https:', 'ftp:'].includes(url.protocol) && url.hostname ? url.href : null;
      } catch {
        return null;
      }
    }
    default: return null;
  }
}

function names(field: string, values: readonly string[], pattern?: RegExp): string[] {
  if (values.length > ADVISORY_LIMITS.names) throw invalid(`${field}: at most ${ADVISORY_LIMITS.names}`);
  const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  for (const v of clean) {
    if (v.length > ADVISORY_LIMITS.name || (pattern && !pattern.test(v))) throw invalid(`${field}: "${v.slice(0, 40)}" is not valid`);
  }
  return clean;
}

export type AdvisoryInput = Omit<AdvisoryContent, 'victim'>;

export function cleanAdvisoryInput(input: AdvisoryInput): AdvisoryInput {
  if (input.indicators.length > ADVISORY_LIMITS.indicators) throw invalid(`indicators: at most ${ADVISORY_LIMITS.indicators}`);
  const seen = new Set<string>();
  const indicators = [];
  for (const { kind, value } of input.indicators) {
    const clean = cleanIndicatorValue(kind, value);
    if (clean === null) throw invalid(`indicators: "${value.slice(0, 80)}" is not a valid ${kind}`);
    if (!seen.has(`${kind} ${clean}`)) indicators.push({ kind, value: clean });
    seen.add(`${kind} ${clean}`);
  }
  return {
    title: bilingual('title', input.title, ADVISORY_LIMITS.title),
    summary: bilingual('summary', input.summary, ADVISORY_LIMITS.summary),
    tlp: input.tlp,
    indicators,
    malware: names('malware', input.malware),
    vulnerabilities: names('vulnerabilities', input.vulnerabilities.map((v) => v.toUpperCase()), CVE),
    attackPatterns: input.attackPatterns.map((p) => {
      const [name] = names('attackPatterns', [p.name]);
      if (!name || (p.mitreId && !MITRE.test(p.mitreId))) throw invalid(`attackPatterns: "${p.name.slice(0, 40)}" is not valid`);
      return p.mitreId ? { name, mitreId: p.mitreId } : { name };
    }),
    ...(input.courseOfAction ? { courseOfAction: bilingual('courseOfAction', input.courseOfAction, ADVISORY_LIMITS.summary) } : {}),
  };
}
