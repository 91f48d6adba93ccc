// What the knowledge base says about one asset: the CVEs whose NVD criteria name its vendor and product (looked up
// by the indexed columns, then decided by match.ts), the OSV records naming its purl's package, the CSAF advisories
// naming its product, and the end of life of its release cycle. Only "affected" and
// "version_unknown" outcomes are kept. Reads only; the matcher stores the outcome.
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { type AssetIdentity, assetCpe } from './asset.js';
import type { NvdCpeMatch } from './cpe-criterion.js';
import { plainValue } from './cpe.js';
import { type EolState, eolProductFor, eolState, pickCycle, supportedCycle } from './eol-match.js';
import * as knowledge from './knowledge.repository.js';
import { lookupKeys } from './csaf-record.js';
import type { CsafStatus } from './csaf.js';
import { matchCsaf, matchNvd, matchOsv } from './match.js';
import type { OsvAffected } from './osv.js';
import { osvPackageOf, tryParsePurl, versionSchemeForPurlType } from './purl.js';
import type { AssetRow, CpeCriterionRow } from './vulns.table.js';

export interface Candidate {
  kind: 'vuln' | 'eol';
  ref: string;
  outcome: 'affected' | 'version_unknown';
  source: 'nvd' | 'osv' | 'csaf' | 'eol';
  criterion: string;
  range: string;
  detail: string;
  fixedHint: string | null;
  eolDate: string | null;
  eolState: EolState | null;
  fingerprint: string;
}

export function identityOf(asset: AssetRow): AssetIdentity {
  return {
    ...(asset.cpe ? { cpe: asset.cpe } : {}), ...(asset.purl ? { purl: asset.purl } : {}),
    vendor: asset.vendor, product: asset.product, version: asset.version,
  };
}

const fingerprint = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

const toMatch = (row: CpeCriterionRow): NvdCpeMatch => ({
  criteria: row.criteria, vulnerable: row.vulnerable === 1,
  ...(row.version_start_including ? { versionStartIncluding: row.version_start_including } : {}),
  ...(row.version_start_excluding ? { versionStartExcluding: row.version_start_excluding } : {}),
  ...(row.version_end_including ? { versionEndIncluding: row.version_end_including } : {}),
  ...(row.version_end_excluding ? { versionEndExcluding: row.version_end_excluding } : {}),
});

/** "<7.2.7" in the decisive range: the first version outside it, which is where the fix is. */
export function fixedVersionOf(range: string): string | null {
  if (range.includes('||')) return null; // several ranges: which fix applies is the vendor's to say
  if (range.startsWith('vers:')) {
    const below = range.slice(range.indexOf('/') + 1).split('|').filter((c) => /^<[^=]/.test(c));
    return below.length === 1 ? decodeURIComponent((below[0] as string).slice(1)) : null;
  }
  return /(?:^|\s)<([^=\s]\S*)/.exec(range)?.[1] ?? null;
}

async function cveCandidates(db: Database, asset: AssetRow, identity: AssetIdentity, vendor: string, product: string): Promise<Candidate[]> {
  const byCve = new Map<string, NvdCpeMatch[]>();
  for (const row of await knowledge.criteriaForProduct(db, vendor, product)) {
    const list = byCve.get(row.cve_id) ?? [];
    list.push(toMatch(row));
    byCve.set(row.cve_id, list);
  }
  const purl = asset.purl ? tryParsePurl(asset.purl) : null;
  const scheme = (purl && versionSchemeForPurlType(purl.type)) || 'generic';
  const matched: Array<[string, ReturnType<typeof matchNvd>]> = [];
  for (const [cveId, criteria] of byCve) {
    const result = matchNvd(identity, criteria, scheme);
    if (result.affected !== false) matched.push([cveId, result]);
  }
  // Rejected CVEs are dropped; asked only for the few that matched, not for every CVE of the product.
  const rejected = new Set((await knowledge.cvesByIds(db, matched.map(([id]) => id))).filter((c) => c.status === 'Rejected').map((c) => c.cve_id));
  const out: Candidate[] = [];
  for (const [cveId, result] of matched) {
    if (rejected.has(cveId)) continue;
    if (result.affected === false) continue;
    const outcome = result.affected === true ? 'affected' : 'version_unknown';
    const { criterion, range, detail } = result.reason;
    out.push({
      kind: 'vuln', ref: cveId, outcome, source: 'nvd', criterion, range, detail, fixedHint: fixedVersionOf(range), eolDate: null, eolState: null,
      fingerprint: fingerprint(['nvd', outcome, criterion, range, detail, identity]),
    });
  }
  return out;
}

// OSV: the records naming the asset's package (from its purl). A record's subject is its CVE alias when it has one,
// so that NVD and OSV saying the same thing make one finding.
async function osvCandidates(db: Database, asset: AssetRow, identity: AssetIdentity): Promise<Candidate[]> {
  const purl = asset.purl ? tryParsePurl(asset.purl) : null;
  const pkg = purl ? osvPackageOf(purl) : null;
  if (!pkg) return [];
  const out: Candidate[] = [];
  for (const record of await knowledge.osvRecordsForPackage(db, pkg.ecosystem, pkg.name)) {
    const result = matchOsv(identity, { id: record.id, affected: JSON.parse(record.affected) as OsvAffected[] });
    if (result.affected === false) continue;
    const outcome = result.affected === true ? 'affected' : 'version_unknown';
    const { criterion, range, detail } = result.reason;
    out.push({
      kind: 'vuln', ref: record.cve_id ?? record.id, outcome, source: 'osv', criterion, range, detail, fixedHint: fixedVersionOf(range), eolDate: null,
      eolState: null, fingerprint: fingerprint(['osv', record.id, outcome, criterion, range, detail, identity]),
    });
  }
  return out;
}

// CSAF: the advisories' vulnerabilities naming the asset's product (its CPE's vendor and product, or its purl's
// package); match.ts decides with every product entry of each vulnerability, statuses included.
async function csafCandidates(db: Database, identity: AssetIdentity, keys: ReadonlyArray<{ vendorKey: string; productKey: string }>): Promise<Candidate[]> {
  const perVuln = new Map<string, { advisoryId: string; seq: number; entries: Parameters<typeof matchCsaf>[1] }>();
  for (const key of keys) {
    for (const row of await knowledge.csafEntriesForProduct(db, key.vendorKey, key.productKey)) {
      const id = `${row.advisory_id}\u0000${row.seq}`;
      const group = perVuln.get(id) ?? { advisoryId: row.advisory_id, seq: row.seq, entries: [] };
      if (!group.entries.some((e) => e.productId === row.product_id && e.status === row.status)) {
        group.entries.push({
          productId: row.product_id, status: row.status as CsafStatus,
          ...(row.cpe ? { cpe: row.cpe } : {}), ...(row.purl ? { purl: row.purl } : {}), ...(row.version_range ? { versionRange: row.version_range } : {}),
        });
      }
      perVuln.set(id, group);
    }
  }
  const refs = new Map((await knowledge.csafVulns(db, [...perVuln.values()])).map((v) => [`${v.advisory_id}\u0000${v.seq}`, v.ref]));
  const out: Candidate[] = [];
  for (const [id, group] of perVuln) {
    const result = matchCsaf(identity, group.entries);
    if (result.affected === false) continue;
    const outcome = result.affected === true ? 'affected' : 'version_unknown';
    const { criterion, range, detail } = result.reason;
    out.push({
      kind: 'vuln', ref: refs.get(id) ?? id, outcome, source: 'csaf', criterion, range, detail, fixedHint: fixedVersionOf(range), eolDate: null,
      eolState: null, fingerprint: fingerprint(['csaf', group.advisoryId, outcome, criterion, range, detail, identity]),
    });
  }
  return out;
}

/** One candidate per subject: "affected" over "version_unknown"; between equals, the first (NVD before OSV). */
function strongestPerRef(candidates: readonly Candidate[]): Candidate[] {
  const byRef = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = byRef.get(`${c.kind} ${c.ref}`);
    if (!seen || (seen.outcome === 'version_unknown' && c.outcome === 'affected')) byRef.set(`${c.kind} ${c.ref}`, c);
  }
  return [...byRef.values()];
}

async function eolCandidate(db: Database, identity: AssetIdentity, product: string, known: ReadonlySet<string>, now: Date): Promise<Candidate | null> {
  const target = eolProductFor(product);
  if (!known.has(target.product)) return null;
  const cycles = (await knowledge.eolCyclesOf(db, target.product)).map((c) => ({
    cycle: c.cycle, label: c.label, eolDate: c.eol_date, eolFlag: c.eol_flag === 1, latest: c.latest_version,
  }));
  const cycle = pickCycle(cycles, identity.version ?? '', target.cycle);
  const state = cycle ? eolState(cycle, now) : null;
  if (!cycle || !state) return null;
  const next = supportedCycle(cycles, now);
  return {
    kind: 'eol', ref: `${target.product}@${cycle.cycle}`, outcome: 'affected', source: 'eol', criterion: `endoflife.date/${target.product}`,
    range: cycle.label ?? cycle.cycle, detail: state === 'passed' ? 'eol_passed' : 'eol_soon', fixedHint: next ? next.label ?? next.cycle : null,
    eolDate: cycle.eolDate, eolState: state,
    fingerprint: fingerprint(['eol', target.product, cycle.cycle, cycle.eolDate, cycle.eolFlag, state, identity.version]),
  };
}

/** The vendor and product the NVD criteria are looked up by (CPE form), or null when the asset does not name both. */
export function productKeyOf(asset: AssetRow): { vendor: string; product: string } | null {
  const cpe = assetCpe(identityOf(asset));
  const vendor = cpe ? plainValue(cpe.vendor) : null;
  const product = cpe ? plainValue(cpe.product) : null;
  return vendor && product ? { vendor, product } : null;
}

/** The CVE and end-of-life candidates of one asset; `eolProducts`: the products endoflife.date data is held for. */
export async function evaluateAsset(db: Database, asset: AssetRow, eolProducts: ReadonlySet<string>, now: Date): Promise<Candidate[]> {
  const identity = identityOf(asset);
  const cpe = assetCpe(identity);
  const key = productKeyOf(asset);
  const vendor = key?.vendor ?? null;
  const product = key?.product ?? null;
  const purlKeys = asset.purl ? lookupKeys({ purl: asset.purl }) : null;
  const keys = [...(vendor && product ? [{ vendorKey: vendor, productKey: product }] : []), ...(purlKeys ? [purlKeys] : [])];
  const others = [...(await osvCandidates(db, asset, identity)), ...(await csafCandidates(db, identity, keys))];
  if (!vendor || !product) return strongestPerRef(others);
  const found = strongestPerRef([...(await cveCandidates(db, asset, identity, vendor, product)), ...others]);
  const version = (cpe && plainValue(cpe.version)) ?? identity.version ?? '';
  const eol = await eolCandidate(db, { ...identity, version }, product, eolProducts, now);
  return eol ? [...found, eol] : found;
}
