// CSAF 2.0 products: does a product of an advisory's tree (its CPE or purl, and its version or vers range) cover
// an asset? The importer flattens product_tree and product_status into CsafProductEntry rows.
import { type AssetIdentity, assetCpe } from './asset.js';
import { describeCpeRange, matchCpeCriterion } from './cpe-criterion.js';
import { formatCpe, plainValue, tryParseCpe } from './cpe.js';
import { samePackage, tryParsePurl, versionSchemeForPurlType } from './purl.js';
import { parseVers, type VersRange, versContains } from './vers.js';
import { compareVersions } from './versions.js';

/** CSAF 2.0 product_status categories. */
export type CsafStatus =
  | 'known_affected' | 'first_affected' | 'last_affected' | 'fixed' | 'first_fixed' | 'known_not_affected'
  | 'under_investigation' | 'recommended';

export interface CsafProductEntry {
  productId: string;
  status: CsafStatus;
  /** product_identification_helper.cpe */
  cpe?: string;
  /** product_identification_helper.purl */
  purl?: string;
  /** A product_version_range in vers notation ("vers:generic/>=7.2.0|<7.2.5"). */
  versionRange?: string;
}

export interface CsafCoverage {
  affected: boolean | 'version_unknown';
  detail: string;
  range: string;
}

/** null when the entry is about another product (or names none we can read). */
export function csafCovers(asset: AssetIdentity, entry: CsafProductEntry): CsafCoverage | null {
  const range = entry.versionRange ? parseVers(entry.versionRange) : null;
  if (entry.versionRange && !range) return { affected: false, detail: 'invalid_range', range: entry.versionRange };
  if (entry.cpe) return coversByCpe(asset, entry.cpe, range, entry.versionRange ?? '');
  if (entry.purl) return coversByPurl(asset, entry.purl, range, entry.versionRange ?? '');
  return null;
}

const FOREIGN = new Set(['different_product', 'asset_not_specific', 'invalid_criterion']);

function coversByCpe(asset: AssetIdentity, cpeText: string, range: VersRange | null, rangeText: string): CsafCoverage | null {
  const cpe = assetCpe(asset);
  const criterion = tryParseCpe(cpeText);
  if (!cpe || !criterion) return null;
  // With a range the CPE names the product only: its version is set aside and the range decides.
  const identity = range ? formatCpe({ ...criterion, version: { kind: 'any' } }) : cpeText;
  const outcome = matchCpeCriterion(cpe, { criteria: identity });
  if (FOREIGN.has(outcome.detail)) return null;
  if (!range) return { affected: outcome.affected, detail: outcome.detail, range: describeCpeRange({ criteria: cpeText }) };
  if (outcome.affected === false) return { affected: false, detail: outcome.detail, range: rangeText };
  const version = inVers(range, plainValue(cpe.version), rangeText);
  // The range holds the version, but e.g. the asset's update or hardware is unspecified: still unknown.
  return version.affected === true && outcome.affected === 'version_unknown' ? { ...outcome, range: rangeText } : version;
}

function coversByPurl(asset: AssetIdentity, purlText: string, range: VersRange | null, rangeText: string): CsafCoverage | null {
  const own = asset.purl ? tryParsePurl(asset.purl) : null;
  const theirs = tryParsePurl(purlText);
  if (!own || !theirs || !samePackage(own, theirs)) return null;
  if (range) return inVers(range, own.version, rangeText);
  if (theirs.version === null) return { affected: true, detail: 'matched', range: '*' };
  const exact = `=${theirs.version}`;
  if (own.version === null) return { affected: 'version_unknown', detail: 'asset_version_unknown', range: exact };
  const scheme = versionSchemeForPurlType(own.type);
  const same = own.version === theirs.version || (scheme !== null && compareVersions(scheme, own.version, theirs.version) === 0);
  return { affected: same, detail: same ? 'matched' : 'different_version', range: exact };
}

function inVers(range: VersRange, version: string | null, rangeText: string): CsafCoverage {
  if (!version) return { affected: range.all ? true : 'version_unknown', detail: range.all ? 'matched' : 'asset_version_unknown', range: rangeText };
  const inside = versContains(range, version);
  if (inside === null) return { affected: 'version_unknown', detail: 'version_incomparable', range: rangeText };
  return { affected: inside, detail: inside ? 'matched' : 'outside_range', range: rangeText };
}
