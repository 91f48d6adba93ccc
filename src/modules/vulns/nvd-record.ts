// One element of the NVD CVE API 2.0 "vulnerabilities" list, checked and reduced to what the knowledge base keeps:
// descriptions (ja and en), the CVSS v3.x and v4.0 base metrics as the feed gives them, CWEs, the vendor advisory
// link, and every cpeMatch criterion of every configuration node (flattened, as match.ts expects). Pure.
import { plainValue, tryParseCpe } from './cpe.js';
import { cveId, FeedFormatError, isObject, list, number, object, optionalText, text, timestamp, type Json } from './feed-format.js';

export interface CvssScore {
  score: number;
  vector: string;
  severity: string | null;
}

export interface NvdCriterion {
  criteria: string;
  part: string;
  vendor: string; // the plain value, or "*" when the criterion has a wildcard there
  product: string;
  versionStartIncluding: string | null;
  versionStartExcluding: string | null;
  versionEndIncluding: string | null;
  versionEndExcluding: string | null;
  vulnerable: boolean;
  matchCriteriaId: string | null;
}

export interface NvdCve {
  id: string;
  published: string;
  lastModified: string;
  status: string;
  descriptionJa: string | null;
  descriptionEn: string | null;
  cvss3: CvssScore | null;
  cvss4: CvssScore | null;
  cwe: string[];
  advisoryUrl: string | null;
  criteria: NvdCriterion[];
}

const MAX_CRITERIA = 100_000;

function descriptions(cve: Json, path: string): { ja: string | null; en: string | null } {
  const found: { ja: string | null; en: string | null } = { ja: null, en: null };
  list(cve.descriptions, `${path}.descriptions`, true).forEach((entry, i) => {
    const at = `${path}.descriptions[${i}]`;
    const d = object(entry, at);
    const lang = text(d.lang, `${at}.lang`, 20).toLowerCase();
    const value = text(d.value, `${at}.value`);
    if ((lang === 'ja' || lang === 'en') && found[lang] === null) found[lang] = value;
  });
  return found;
}

// NVD's own score (type "Primary") is preferred over a CNA's ("Secondary"); the first of each list otherwise.
function cvss(metrics: Json, keys: readonly string[], path: string): CvssScore | null {
  for (const key of keys) {
    const entries = list(metrics[key], `${path}.${key}`, true);
    const primary = entries.findIndex((e) => isObject(e) && e.type === 'Primary');
    const index = primary >= 0 ? primary : entries.length > 0 ? 0 : -1;
    if (index < 0) continue;
    const at = `${path}.${key}[${index}].cvssData`;
    const data = object(object(entries[index], `${path}.${key}[${index}]`).cvssData, at);
    const vector = text(data.vectorString, `${at}.vectorString`, 300);
    if (!/^CVSS:(3\.[01]|4\.0)\//.test(vector)) throw new FeedFormatError(`${at}.vectorString`, 'not a CVSS v3.x or v4.0 vector');
    return { score: number(data.baseScore, `${at}.baseScore`, 0, 10), vector, severity: optionalText(data.baseSeverity, `${at}.baseSeverity`, 20) };
  }
  return null;
}

function weaknesses(cve: Json, path: string): string[] {
  const ids = new Set<string>();
  list(cve.weaknesses, `${path}.weaknesses`, true).forEach((w, i) => {
    list(object(w, `${path}.weaknesses[${i}]`).description, `${path}.weaknesses[${i}].description`, true).forEach((d, j) => {
      const value = text(object(d, `${path}.weaknesses[${i}].description[${j}]`).value, `${path}.weaknesses[${i}].description[${j}].value`, 100);
      if (/^CWE-\d+$/.test(value)) ids.add(value);
    });
  });
  return [...ids];
}

function advisory(cve: Json, path: string): string | null {
  const refs = list(cve.references, `${path}.references`, true).filter(isObject);
  const tagged = (tag: string) => refs.find((r) => Array.isArray(r.tags) && r.tags.includes(tag) && typeof r.url === 'string');
  const ref = tagged('Vendor Advisory') ?? tagged('Patch');
  if (!ref) return null;
  const url = text(ref.url, `${path}.references`, 2000);
  return /^https?:\/\//.test(url) ? url : null;
}

function criterion(value: unknown, path: string): NvdCriterion {
  const m = object(value, path);
  const criteria = text(m.criteria, `${path}.criteria`, 1000);
  const cpe = tryParseCpe(criteria);
  if (!cpe) throw new FeedFormatError(`${path}.criteria`, `"${criteria.slice(0, 100)}" is not a CPE 2.3 name`);
  if (typeof m.vulnerable !== 'boolean') throw new FeedFormatError(`${path}.vulnerable`, 'expected true or false');
  const bound = (key: string) => optionalText(m[key], `${path}.${key}`, 200);
  return {
    criteria, part: plainValue(cpe.part) ?? '*', vendor: plainValue(cpe.vendor) ?? '*', product: plainValue(cpe.product) ?? '*',
    versionStartIncluding: bound('versionStartIncluding'), versionStartExcluding: bound('versionStartExcluding'),
    versionEndIncluding: bound('versionEndIncluding'), versionEndExcluding: bound('versionEndExcluding'),
    vulnerable: m.vulnerable, matchCriteriaId: optionalText(m.matchCriteriaId, `${path}.matchCriteriaId`, 100),
  };
}

function criteriaOf(cve: Json, path: string): NvdCriterion[] {
  const out: NvdCriterion[] = [];
  list(cve.configurations, `${path}.configurations`, true).forEach((config, i) => {
    const at = `${path}.configurations[${i}]`;
    list(object(config, at).nodes, `${at}.nodes`).forEach((node, j) => {
      const nodeAt = `${at}.nodes[${j}]`;
      const n = object(node, nodeAt);
      // A negated node ("not running on ...") lists platforms that exclude, never ones that are affected.
      if (n.negate === true) return;
      list(n.cpeMatch, `${nodeAt}.cpeMatch`, true).forEach((m, k) => out.push(criterion(m, `${nodeAt}.cpeMatch[${k}]`)));
    });
  });
  if (out.length > MAX_CRITERIA) throw new FeedFormatError(`${path}.configurations`, `more than ${MAX_CRITERIA} criteria`);
  return out;
}

/** Checks one element of "vulnerabilities" (path: its JSON path, for errors). */
export function parseNvdRecord(value: unknown, path: string): NvdCve {
  const cve = object(object(value, path).cve, `${path}.cve`);
  const at = `${path}.cve`;
  const metrics = cve.metrics === undefined ? {} : object(cve.metrics, `${at}.metrics`);
  const d = descriptions(cve, at);
  return {
    id: cveId(cve.id, `${at}.id`),
    published: timestamp(cve.published, `${at}.published`),
    lastModified: timestamp(cve.lastModified, `${at}.lastModified`),
    status: optionalText(cve.vulnStatus, `${at}.vulnStatus`, 50) ?? 'Unknown',
    descriptionJa: d.ja,
    descriptionEn: d.en,
    cvss3: cvss(metrics, ['cvssMetricV31', 'cvssMetricV30'], `${at}.metrics`),
    cvss4: cvss(metrics, ['cvssMetricV40'], `${at}.metrics`),
    cwe: weaknesses(cve, at),
    advisoryUrl: advisory(cve, at),
    criteria: criteriaOf(cve, at),
  };
}
