// Is an asset affected by a vulnerability, according to one source, and why? One function per source kind.
// Outcomes: true (affected), false (not affected), or 'version_unknown' (the product matches but we cannot
// tell: the asset's version or another detail is missing or cannot be ordered). Never a guess.
import { type CpeMatchOutcome, describeCpeRange, matchCpeCriterion, type NvdCpeMatch } from './cpe-criterion.js';
import { plainValue } from './cpe.js';
import { type AssetIdentity, assetCpe } from './asset.js';
import { type CsafProductEntry, type CsafStatus, csafCovers } from './csaf.js';
import { evaluateOsvAffected, type OsvAffected } from './osv.js';
import { osvPackageOf, type Purl, samePackage, tryParsePurl, versionSchemeForPurlType } from './purl.js';
import { type VersionScheme } from './versions.js';

export type Affected = boolean | 'version_unknown';
export type MatchSource = 'nvd' | 'osv' | 'csaf';

export interface MatchReason {
  source: MatchSource;
  /** What matched: the NVD criteria CPE, the OSV package (ecosystem/name or purl), the CSAF product id. */
  criterion: string;
  /** The range that decided, in plain notation (">=7.2.0 <7.2.5", "=8.0.6001", "*"); "" when none applied. */
  range: string;
  /** A code for the UI: matched, outside_range, asset_version_unknown, ... */
  detail: string;
}

export interface MatchResult {
  affected: Affected;
  reason: MatchReason;
}

export type { AssetIdentity, CsafProductEntry, CsafStatus };

const rank = (a: Affected): number => (a === true ? 2 : a === 'version_unknown' ? 1 : 0);

/** Keeps the strongest result; among equals, the first. */
function stronger(best: MatchResult | null, next: MatchResult): MatchResult {
  return best === null || rank(next.affected) > rank(best.affected) ? next : best;
}

function noMatch(source: MatchSource, detail: string): MatchResult {
  return { affected: false, reason: { source, criterion: '', range: '', detail } };
}


// A non-match that still names a criterion for the same product ("outside_range") explains more than one
// for another product; it is kept in preference so the UI can say "your version is outside 7.2.0–7.2.4".
const SAME_PRODUCT_DETAILS = new Set<CpeMatchOutcome['detail']>([
  'outside_range', 'different_version', 'version_na_only', 'attribute_differs',
]);

/** NVD: the CVE's cpeMatch criteria (every configuration node, flattened); vulnerable: false entries are skipped. */
export function matchNvd(asset: AssetIdentity, criteria: NvdCpeMatch[], scheme: VersionScheme = 'generic'): MatchResult {
  const cpe = assetCpe(asset);
  if (!cpe) return noMatch('nvd', 'invalid_asset_cpe');
  let best: MatchResult | null = null;
  let sameProduct: MatchResult | null = null;
  for (const criterion of criteria) {
    const outcome = matchCpeCriterion(cpe, criterion, scheme);
    const result: MatchResult = {
      affected: outcome.affected,
      reason: { source: 'nvd', criterion: criterion.criteria, range: describeCpeRange(criterion), detail: outcome.detail },
    };
    if (outcome.affected === true) return result;
    if (outcome.affected === 'version_unknown') best = stronger(best, result);
    else if (SAME_PRODUCT_DETAILS.has(outcome.detail) && sameProduct === null) sameProduct = result;
  }
  if (best) return best;
  if (sameProduct) return sameProduct;
  return noMatch('nvd', plainValue(cpe.vendor) && plainValue(cpe.product) ? 'no_criterion_for_product' : 'asset_not_specific');
}

function osvPackageMatches(purl: Purl, affected: OsvAffected): boolean {
  const pkg = affected.package;
  if (!pkg) return false;
  if (pkg.purl) {
    const other = tryParsePurl(pkg.purl);
    return other !== null && samePackage(purl, other);
  }
  const own = osvPackageOf(purl);
  if (!own || own.ecosystem !== pkg.ecosystem.split(':')[0]) return false;
  // PyPI names compare after PEP 503 normalisation; other ecosystems compare names exactly.
  const pep503 = (s: string): string => s.toLowerCase().replace(/[-_.]+/g, '-');
  return purl.type === 'pypi' ? pep503(own.name) === pep503(pkg.name) : own.name === pkg.name;
}

// "Debian:11", "Ubuntu:22.04:LTS", "Red Hat:rhel_aus:8.4::appstream": a distribution's record holds for one
// release. The asset's purl says its release in the "distro" qualifier ("debian-11", "ubuntu-22.04"). Release
// numbers are compared when both sides have one; codenames, Ubuntu Pro streams and Red Hat product streams are
// not mapped, so they stay "unknown" rather than being guessed equal or different.
function releaseMatches(purl: Purl, ecosystem: string): boolean | 'unknown' {
  const release = ecosystem.split(':').slice(1).join(':').toLowerCase();
  if (release === '' || !(purl.type === 'deb' || purl.type === 'rpm')) return true;
  const distro = purl.qualifiers.distro?.toLowerCase();
  if (!distro) return 'unknown';
  if (distro === release || distro === `${(purl.namespace ?? '').toLowerCase()}-${release}`) return true;
  const number = (s: string): string | null => /^(?:[a-z]+-)?(\d+(?:\.\d+)*)(?::lts)?$/.exec(s)?.[1] ?? null;
  const wanted = number(release);
  const own = number(distro);
  if (wanted === null || own === null) return 'unknown';
  return wanted === own;
}

/** OSV: one record's affected[] entries against an asset with a purl. */
export function matchOsv(asset: AssetIdentity, record: { id?: string; affected: OsvAffected[] }): MatchResult {
  const purl = asset.purl ? tryParsePurl(asset.purl) : null;
  if (!purl) return noMatch('osv', asset.purl ? 'invalid_asset_purl' : 'asset_has_no_purl');
  const scheme = versionSchemeForPurlType(purl.type);
  let best: MatchResult | null = null;
  for (const affected of record.affected) {
    if (!osvPackageMatches(purl, affected)) continue;
    const pkg = affected.package as NonNullable<OsvAffected['package']>;
    const criterion = pkg.purl ?? `${pkg.ecosystem}/${pkg.name}`;
    if (!scheme) {
      best = stronger(best, { affected: 'version_unknown', reason: { source: 'osv', criterion, range: '', detail: 'unsupported_ecosystem' } });
      continue;
    }
    const release = releaseMatches(purl, pkg.ecosystem);
    if (release === false) continue;
    const outcome = evaluateOsvAffected(purl.version, affected, scheme);
    const affectedValue = outcome.affected === true && release === 'unknown' ? 'version_unknown' : outcome.affected;
    const detail = affectedValue !== outcome.affected ? 'distribution_release_unknown' : outcome.detail;
    const result: MatchResult = { affected: affectedValue, reason: { source: 'osv', criterion, range: outcome.range, detail } };
    if (result.affected === true) return result;
    best = stronger(best, result);
  }
  return best ?? noMatch('osv', 'no_entry_for_package');
}

const CSAF_AFFECTED = new Set<CsafStatus>(['known_affected', 'first_affected', 'last_affected']);

/** CSAF: the advisory's products for one vulnerability; only affected statuses make a match. */
export function matchCsaf(asset: AssetIdentity, entries: CsafProductEntry[]): MatchResult {
  let best: MatchResult | null = null;
  for (const entry of entries) {
    const covered = csafCovers(asset, entry);
    if (!covered) continue;
    const reason = { source: 'csaf' as const, criterion: entry.productId, range: covered.range, detail: covered.detail };
    if (!CSAF_AFFECTED.has(entry.status)) {
      // The vendor says this product is fixed / not affected / under investigation: a statement, not a match.
      if (covered.affected === true && best === null) {
        best = { affected: false, reason: { ...reason, detail: `status_${entry.status}` } };
      }
      continue;
    }
    const result: MatchResult = { affected: covered.affected, reason };
    if (result.affected === true) return result;
    best = stronger(best, result);
  }
  return best ?? noMatch('csaf', 'no_product_for_asset');
}
