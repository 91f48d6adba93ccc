// Common properties (§3.2) and the common data types they use: external references, kill-chain phases and
// granular markings (§7.2.3).
import {
  bool, EXPECT, format, hashes, int, lang, list, ref, refList, str, strList, target, timestamp, type Check,
} from './stix-checks.js';
import { ANY_CATEGORY, SCO, SDO, SRO } from './stix-kinds.js';
import { resolveSelector, SELECTOR_NOT_FOUND, SELECTOR_SYNTAX } from './stix-selectors.js';
import { nested, shape } from './stix-shape.js';

export const IDENTITY = target(['identity']);
export const MARKING = target(['marking-definition']);
/** Any STIX Object; `bundle` is a container, not an object, so it is never a valid target. */
export const ANY_OBJECT = target([], ANY_CATEGORY, true, 'any STIX object');
export const ANY_SDO = target([], SDO, true, 'a domain object (SDO)');
export const ANY_SCO = target([], SCO, true, 'a cyber-observable object (SCO)');
export const SDO_OR_SCO = target([], SDO | SCO, true, 'a domain object (SDO) or cyber-observable object (SCO)');
export const SCO_OR_SRO = target([], SCO | SRO, true, 'a cyber-observable object (SCO) or relationship');

const URL = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/;
export const url = format((v) => URL.test(v), 'an RFC 3986 URL with a scheme');

export const specVersion: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
  else if (v !== '2.1') s.report('spec-version', { note: '' });
};

const CVE = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;
const CAPEC = /^CAPEC-\d+$/;
const CVE_FORMAT = { source: 'cve', format: 'CVE-YYYY-NNNN' };
const CAPEC_FORMAT = { source: 'capec', format: 'CAPEC-N' };

export const EXTERNAL_REFERENCE = shape(
  'external-reference',
  { source_name: str, description: str, url, hashes, external_id: str },
  {
    required: ['source_name'],
    check: (o, s) => {
      if (o.description === undefined && o.url === undefined && o.external_id === undefined) s.report('external-reference-incomplete');
      const id = o.external_id;
      if (typeof id !== 'string') return;
      if (o.source_name === 'cve' && !CVE.test(id)) s.reportAt('external_id', 'external-id-format', CVE_FORMAT);
      else if (o.source_name === 'capec' && !CAPEC.test(id)) s.reportAt('external_id', 'external-id-format', CAPEC_FORMAT);
    },
  },
);

export const KILL_CHAIN_PHASE = shape('kill-chain-phase', { kill_chain_name: str, phase_name: str }, { required: ['kill_chain_name', 'phase_name'] });

const selector: Check = (v, s) => {
  if (typeof v !== 'string') return s.report('property-type', EXPECT.string);
  const result = resolveSelector(s.root, v);
  if (result === SELECTOR_SYNTAX) s.report('selector-syntax', { selector: v });
  else if (result === SELECTOR_NOT_FOUND) s.report('selector-not-found', { selector: v });
};

export const GRANULAR_MARKING = shape(
  'granular-marking',
  { selectors: list(selector), marking_ref: ref(MARKING), lang },
  {
    required: ['selectors'],
    check: (o, s) => {
      if ((o.marking_ref === undefined) === (o.lang === undefined)) s.report('granular-marking-target');
    },
  },
);

export const externalReferences = list(nested(EXTERNAL_REFERENCE));
export const killChainPhases = list(nested(KILL_CHAIN_PHASE));
export const granularMarkings = list(nested(GRANULAR_MARKING));
export const objectMarkingRefs = refList(MARKING);

/** Common properties of SDOs and SROs; `type`, `id` and `extensions` are checked by the dispatcher. */
export const SDO_COMMON: Record<string, Check> = {
  spec_version: specVersion,
  created_by_ref: ref(IDENTITY),
  created: timestamp('millisecond'),
  modified: timestamp('millisecond'),
  revoked: bool,
  labels: strList,
  confidence: int(0, 100),
  lang,
  external_references: externalReferences,
  object_marking_refs: objectMarkingRefs,
  granular_markings: granularMarkings,
};

export const SCO_COMMON: Record<string, Check> = {
  spec_version: specVersion,
  object_marking_refs: objectMarkingRefs,
  granular_markings: granularMarkings,
  defanged: bool,
};

export function pick(from: Record<string, Check>, names: readonly string[]): Record<string, Check> {
  const picked: Record<string, Check> = {};
  for (const name of names) {
    const check = from[name];
    if (check === undefined) throw new Error(`no common property ${name}`);
    picked[name] = check;
  }
  return picked;
}
