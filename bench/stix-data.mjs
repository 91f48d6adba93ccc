// Deterministic STIX 2.1 test data for the store benchmarks: indicator i and the cyber-observable its pattern names
// (an ipv4-addr, a domain-name, a url or a file with a SHA-256, in turn), both TLP:GREEN, so that they may be placed in
// the community collection. Same i, same objects, same JSON text, on every run. The SCO ids are the deterministic
// UUIDv5 of STIX 2.1 §2.9 (computed by the server's own code from dist/); indicator ids are UUIDv4-shaped from i.
import { createHash } from 'node:crypto';

const { deterministicScoId } = await import('../dist/modules/stix/sco-id.js');

export const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
export const DESK = 'identity--a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b';
const KINDS = ['ipv4-addr', 'domain-name', 'url', 'file'];
const CREATED = Date.UTC(2026, 0, 1);

// splitmix32: a few cheap bits per object, so that ids spread over the index like real UUIDs do.
function mix(x) {
  x = (x + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
const hex8 = (n) => n.toString(16).padStart(8, '0');

/** A UUIDv4-shaped id that only depends on (i, salt). */
export function uuidOf(i, salt = 0) {
  const a = hex8(mix(i ^ salt));
  const b = hex8(mix(i + 0x1234567 + salt));
  const c = hex8(mix(i * 3 + 7 + salt));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0], 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${i.toString(16).padStart(8, '0').slice(-8)}`;
}

function observable(i) {
  const kind = KINDS[i % 4];
  switch (kind) {
    case 'ipv4-addr': {
      const value = `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
      return { sco: { type: kind, value }, pattern: `[ipv4-addr:value = '${value}']` };
    }
    case 'domain-name': {
      const value = `h${i}.bench.example`;
      return { sco: { type: kind, value }, pattern: `[domain-name:value = '${value}']` };
    }
    case 'url': {
      const value = `http://u${i}.bench.example/gate.php?id=${i}`;
      return { sco: { type: kind, value }, pattern: `[url:value = '${value}']` };
    }
    default: {
      const sha = createHash('sha256').update(`bench file ${i}`).digest('hex');
      return { sco: { type: kind, hashes: { 'SHA-256': sha } }, pattern: `[file:hashes.'SHA-256' = '${sha}']` };
    }
  }
}

/** Indicator i and its observable: two valid STIX 2.1 objects. `salt` gives a disjoint set of indicator ids. */
export function objectPair(i, salt = 0) {
  const { sco, pattern } = observable(i);
  const created = new Date(CREATED + (i % 86_400_000)).toISOString();
  const indicator = {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuidOf(i, salt)}`,
    created,
    modified: created,
    created_by_ref: DESK,
    name: `Bench indicator ${i}`,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    valid_from: created,
    object_marking_refs: [TLP_GREEN],
  };
  const observed = { type: sco.type, spec_version: '2.1', id: '', ...sco, object_marking_refs: [TLP_GREEN] };
  observed.id = deterministicScoId(observed);
  return [indicator, observed];
}

/** Objects [2·from, 2·to) of the data set: indicators from..to-1, each followed by its observable. */
export function objectsRange(from, to, salt = 0) {
  const out = [];
  for (let i = from; i < to; i++) out.push(...objectPair(i, salt));
  return out;
}

/** The data set in batches of `batchObjects` objects (indicator + observable pairs never split). */
export function* batches(indicators, batchObjects, salt = 0) {
  const pairs = Math.max(1, Math.floor(batchObjects / 2));
  for (let i = 0; i < indicators; i += pairs) yield objectsRange(i, Math.min(indicators, i + pairs), salt);
}

/** `--name value` or `--name=value` from argv, as a number, else the fallback. */
export function numberOption(name, fallback) {
  const args = process.argv.slice(2);
  for (let k = 0; k < args.length; k++) {
    if (args[k] === `--${name}` && args[k + 1] !== undefined) return Number(args[k + 1]);
    if (args[k].startsWith(`--${name}=`)) return Number(args[k].slice(name.length + 3));
  }
  return fallback;
}
