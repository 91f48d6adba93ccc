// One OSV record (OSV schema 1.x), checked and reduced to what the matcher needs. Pure.
import { CVE_ID, FeedFormatError, isObject, list, object, optionalText, text, timestamp } from './feed-format.js';
import type { OsvAffected, OsvEvent, OsvRange } from './osv.js';

export interface OsvRecord {
  id: string;
  modified: string;
  published: string | null;
  withdrawn: string | null;
  aliases: string[];
  cveId: string | null;
  summary: string | null;
  details: string | null;
  severityVector: string | null;
  affected: OsvAffected[];
}

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

function events(value: unknown, path: string): OsvEvent[] {
  return list(value, path).map((e, i) => {
    const at = `${path}[${i}]`;
    const event = object(e, at);
    const keys = EVENT_KEYS.filter((k) => event[k] !== undefined);
    if (keys.length !== 1) throw new FeedFormatError(at, 'expected exactly one of introduced, fixed, last_affected, limit');
    const key = keys[0] as (typeof EVENT_KEYS)[number];
    return { [key]: text(event[key], `${at}.${key}`, 200) };
  });
}

function ranges(value: unknown, path: string): OsvRange[] {
  return list(value, path, true).map((r, i) => {
    const at = `${path}[${i}]`;
    const range = object(r, at);
    const repo = optionalText(range.repo, `${at}.repo`, 2000);
    return { type: text(range.type, `${at}.type`, 20), ...(repo ? { repo } : {}), events: events(range.events, `${at}.events`) };
  });
}

function affected(value: unknown, path: string): OsvAffected[] {
  return list(value, path, true).map((a, i) => {
    const at = `${path}[${i}]`;
    const entry = object(a, at);
    const out: OsvAffected = { ranges: ranges(entry.ranges, `${at}.ranges`) };
    if (entry.package !== undefined) {
      const pkg = object(entry.package, `${at}.package`);
      const purl = optionalText(pkg.purl, `${at}.package.purl`, 1000);
      out.package = { ecosystem: text(pkg.ecosystem, `${at}.package.ecosystem`, 200), name: text(pkg.name, `${at}.package.name`, 500), ...(purl ? { purl } : {}) };
    }
    if (entry.versions !== undefined) out.versions = list(entry.versions, `${at}.versions`).map((v, j) => text(v, `${at}.versions[${j}]`, 200));
    return out;
  });
}

export function parseOsvRecord(value: unknown, path: string): OsvRecord {
  const r = object(value, path);
  const id = text(r.id, `${path}.id`, 100).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id)) throw new FeedFormatError(`${path}.id`, `"${id.slice(0, 100)}" is not an OSV id`);
  const aliases = list(r.aliases, `${path}.aliases`, true).map((a, i) => text(a, `${path}.aliases[${i}]`, 100).trim());
  const cveId = [id, ...aliases].map((a) => a.toUpperCase()).find((a) => CVE_ID.test(a)) ?? null;
  const severity = list(r.severity, `${path}.severity`, true).filter(isObject).find((s) => typeof s.type === 'string' && s.type.startsWith('CVSS_'));
  return {
    id, modified: timestamp(r.modified, `${path}.modified`),
    published: r.published === undefined ? null : timestamp(r.published, `${path}.published`),
    withdrawn: r.withdrawn === undefined ? null : timestamp(r.withdrawn, `${path}.withdrawn`),
    aliases, cveId,
    summary: optionalText(r.summary, `${path}.summary`, 2000), details: optionalText(r.details, `${path}.details`, 100_000),
    severityVector: severity ? optionalText(severity.score, `${path}.severity`, 300) : null,
    affected: affected(r.affected, `${path}.affected`),
  };
}

/** The lookup keys of a record: ecosystem without ":release", name in lower case. */
export function osvPackageKeys(record: OsvRecord): Array<{ ecosystem: string; nameKey: string }> {
  const keys = new Map<string, { ecosystem: string; nameKey: string }>();
  for (const a of record.affected) {
    if (!a.package) continue;
    const ecosystem = a.package.ecosystem.split(':')[0] ?? a.package.ecosystem;
    const nameKey = a.package.name.toLowerCase();
    keys.set(`${ecosystem}\u0000${nameKey}`, { ecosystem, nameKey });
  }
  return [...keys.values()];
}
