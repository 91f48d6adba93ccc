// Does an asset's CPE fall under one NVD `cpeMatch` criterion (NVD CVE API 2.0: criteria + version range fields)?
// Stricter than name matching alone, to avoid the false matches Dependency-Track is known for:
// - the asset must name a concrete vendor and product: a wildcard there never matches;
// - an asset with no known version (ANY, NA, empty) never matches a criterion with a range or a concrete
//   version: it is `version_unknown`, reported apart from matches;
// - a criterion version "-" (NA) matches only an asset whose version is also NA;
// - versions that the comparator cannot order give `version_unknown`, never a match.
import {
  CPE_ATTRIBUTES, type CpeAttribute, type CpeName, type CpeValue, compareAttribute, hasWildcard, plainValue,
  tryParseCpe,
} from './cpe.js';
import { compareVersions, type VersionScheme } from './versions.js';

export interface NvdCpeMatch {
  criteria: string;
  vulnerable?: boolean;
  matchCriteriaId?: string;
  versionStartIncluding?: string;
  versionStartExcluding?: string;
  versionEndIncluding?: string;
  versionEndExcluding?: string;
}

/** Why the outcome is what it is, as a code the UI translates. */
export type CpeMatchDetail =
  | 'matched'
  | 'invalid_criterion'
  | 'not_vulnerable_platform'
  | 'asset_not_specific' // the asset's vendor or product is ANY, NA or a pattern
  | 'different_product'
  | 'attribute_differs' // update, edition, language, ... exclude the asset
  | 'version_na_only' // criterion "-": only an NA version matches
  | 'outside_range'
  | 'different_version'
  | 'asset_version_unknown'
  | 'version_incomparable'
  | 'asset_attribute_unspecified'; // the criterion names e.g. target_hw x64 and the asset does not say

export interface CpeMatchOutcome {
  affected: boolean | 'version_unknown';
  detail: CpeMatchDetail;
  /** The attribute that decided a non-match or an unknown, when there is one. */
  attribute?: CpeAttribute;
}

const IDENTITY: CpeAttribute[] = ['vendor', 'product'];
const QUALIFYING = CPE_ATTRIBUTES.filter((a) => !['part', 'vendor', 'product', 'version'].includes(a));

export function hasVersionRange(match: NvdCpeMatch): boolean {
  return Boolean(
    match.versionStartIncluding || match.versionStartExcluding || match.versionEndIncluding || match.versionEndExcluding,
  );
}

/** The range as plain notation for the UI: ">=7.2.0 <7.2.5", "=8.0.6001", "*" (all versions), "-" (NA). */
export function describeCpeRange(match: NvdCpeMatch): string {
  const bounds = [
    match.versionStartIncluding && `>=${match.versionStartIncluding}`,
    match.versionStartExcluding && `>${match.versionStartExcluding}`,
    match.versionEndIncluding && `<=${match.versionEndIncluding}`,
    match.versionEndExcluding && `<${match.versionEndExcluding}`,
  ].filter(Boolean);
  const criterion = tryParseCpe(match.criteria);
  const version = criterion?.version;
  const exact = version === undefined ? '?' : version.kind === 'any' ? '' : version.kind === 'na' ? '-' : `=${versionText(version)}`;
  return [exact, ...bounds].filter(Boolean).join(' ') || '*';
}

const versionText = (v: Extract<CpeValue, { kind: 'value' }>): string => v.lead + v.text + v.trail;

const outcome = (affected: CpeMatchOutcome['affected'], detail: CpeMatchDetail, attribute?: CpeAttribute) =>
  (attribute ? { affected, detail, attribute } : { affected, detail }) satisfies CpeMatchOutcome;

export function matchCpeCriterion(asset: CpeName, match: NvdCpeMatch, scheme: VersionScheme = 'generic'): CpeMatchOutcome {
  const criterion = tryParseCpe(match.criteria);
  if (!criterion) return outcome(false, 'invalid_criterion');
  if (match.vulnerable === false) return outcome(false, 'not_vulnerable_platform');
  for (const attribute of IDENTITY) {
    if (plainValue(asset[attribute]) === null) return outcome(false, 'asset_not_specific', attribute);
    const relation = compareAttribute(criterion[attribute], asset[attribute]);
    if (relation !== 'EQUAL' && relation !== 'SUPERSET') return outcome(false, 'different_product', attribute);
  }
  // An asset entered without a part ("*") is accepted: vendor and product identify it; part only says a/o/h.
  if (asset.part.kind !== 'any' && compareAttribute(criterion.part, asset.part) === 'DISJOINT') {
    return outcome(false, 'different_product', 'part');
  }
  let unspecified: CpeAttribute | undefined;
  for (const attribute of QUALIFYING) {
    const relation = compareAttribute(criterion[attribute], asset[attribute]);
    if (relation === 'DISJOINT') return outcome(false, 'attribute_differs', attribute);
    if ((relation === 'SUBSET' || relation === 'UNDEFINED') && unspecified === undefined) unspecified = attribute;
  }
  const version = matchVersion(asset.version, criterion.version, match, scheme);
  if (version.affected !== true) return version;
  // The version is affected but the asset does not say e.g. which update or hardware it is: cannot tell.
  if (unspecified) return outcome('version_unknown', 'asset_attribute_unspecified', unspecified);
  return version;
}

function matchVersion(asset: CpeValue, criterion: CpeValue, match: NvdCpeMatch, scheme: VersionScheme): CpeMatchOutcome {
  if (criterion.kind === 'na') {
    return asset.kind === 'na' ? outcome(true, 'matched') : outcome(false, 'version_na_only', 'version');
  }
  const ranged = hasVersionRange(match);
  if (criterion.kind === 'any' && !ranged) return outcome(true, 'matched'); // every version, stated by the source
  const assetVersion = plainValue(asset);
  if (assetVersion === null) return outcome('version_unknown', 'asset_version_unknown', 'version');
  if (criterion.kind === 'value') {
    if (!sameVersion(criterion, assetVersion, scheme)) return outcome(false, 'different_version', 'version');
  }
  if (!ranged) return outcome(true, 'matched');
  const inside = inRange(assetVersion, match, scheme);
  if (inside === null) return outcome('version_unknown', 'version_incomparable', 'version');
  return inside ? outcome(true, 'matched') : outcome(false, 'outside_range', 'version');
}

// A concrete criterion version: equal strings, or equal by the comparator ("7.2" and "7.2.0"); a pattern
// ("8.0.*") is matched as a pattern. Strings the comparator refuses are simply different versions: NVD writes an
// exact version in the vendor's own notation, so a different string is a different version.
function sameVersion(criterion: Extract<CpeValue, { kind: 'value' }>, asset: string, scheme: VersionScheme): boolean {
  if (hasWildcard(criterion)) {
    return compareAttribute(criterion, { kind: 'value', text: asset, lead: '', trail: '' }) === 'SUPERSET';
  }
  if (criterion.text === asset) return true;
  return compareVersions(scheme, asset, criterion.text) === 0;
}

function inRange(version: string, match: NvdCpeMatch, scheme: VersionScheme): boolean | null {
  const checks: Array<[string | undefined, (c: number) => boolean]> = [
    [match.versionStartIncluding, (c) => c >= 0],
    [match.versionStartExcluding, (c) => c > 0],
    [match.versionEndIncluding, (c) => c <= 0],
    [match.versionEndExcluding, (c) => c < 0],
  ];
  let inside = true;
  for (const [bound, accept] of checks) {
    if (!bound) continue;
    const comparison = compareVersions(scheme, version, bound.trim().toLowerCase());
    if (comparison === null) return null;
    if (!accept(comparison)) inside = false;
  }
  return inside;
}
