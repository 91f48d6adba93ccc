// RFC 9162 §2.1 Merkle trees over SHA-256 (the same as RFC 6962): hashing, proofs and their verification.
// Pure: proofs are built from a node source that returns stored complete-subtree hashes, so neither a
// proof nor a root ever rehashes leaves. Node (level, index) covers leaves [index·2^level, (index+1)·2^level).
import { createHash } from 'node:crypto';

export const HASH_BYTES = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const leafHash = (data: Uint8Array): Buffer => createHash('sha256').update(LEAF_PREFIX).update(data).digest();
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
export const emptyRoot = (): Buffer => createHash('sha256').digest();

export interface NodeKey {
  level: number;
  index: number;
}
/** One integer per node, for storage and lookups: index · 64 + level (exact below 2^47 leaves). */
export const nodeId = (level: number, index: number): number => index * 64 + level;
export type NodeSource = (ids: readonly number[]) => Promise<ReadonlyMap<number, Uint8Array>>;

/** A range [start, end) of leaves whose MTH is one element of a proof. */
export type Range = readonly [number, number];

/** The largest power of two strictly less than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[0:n]) as leaf ranges, innermost first. */
export function inclusionRanges(m: number, n: number, offset = 0): Range[] {
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...inclusionRanges(m, k, offset), [offset + k, offset + n]]
    : [...inclusionRanges(m - k, n - k, offset + k), [offset, offset + k]];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), as leaf ranges. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (m <= 0 || m >= n) return [];
  return subproof(m, n, 0, true);
}

function subproof(m: number, n: number, offset: number, complete: boolean): Range[] {
  if (m === n) return complete ? [] : [[offset, offset + n]];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, k, offset, complete), [offset + k, offset + n]]
    : [...subproof(m - k, n - k, offset + k, false), [offset, offset + k]];
}

/**
 * The complete subtrees that make up [start, end), left to right. Ranges in RFC proofs start at a
 * multiple of a power of two at least their length, so these are the binary digits of the length.
 */
export function rangeNodes(start: number, end: number): NodeKey[] {
  const nodes: NodeKey[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    nodes.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return nodes;
}

/** MTH of a range from its complete subtrees: folded right to left, as the definition splits. */
export function foldRange(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return emptyRoot();
  let acc: Buffer = Buffer.from(hashes[hashes.length - 1] as Uint8Array);
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i] as Uint8Array, acc);
  return acc;
}

async function hashRanges(ranges: readonly Range[], source: NodeSource): Promise<Buffer[]> {
  const perRange = ranges.map(([start, end]) => rangeNodes(start, end).map((n) => nodeId(n.level, n.index)));
  const found = await source([...new Set(perRange.flat())]);
  return perRange.map((ids) => foldRange(ids.map((id) => {
    const hash = found.get(id);
    if (!hash) throw new Error(`node ${id} is missing from the store`);
    return hash;
  })));
}

export const rootHash = async (size: number, source: NodeSource): Promise<Buffer> =>
  size === 0 ? emptyRoot() : (await hashRanges([[0, size]], source))[0] as Buffer;
export const inclusionProof = (index: number, size: number, source: NodeSource): Promise<Buffer[]> =>
  hashRanges(inclusionRanges(index, size), source);
export const consistencyProof = (first: number, second: number, source: NodeSource): Promise<Buffer[]> =>
  hashRanges(consistencyRanges(first, second), source);

const lsb = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;
const wellFormed = (hashes: readonly Uint8Array[]): boolean => hashes.every((h) => h.length === HASH_BYTES);

/** RFC 9162 §2.1.3.2: does the audit path lead from the leaf hash to the root of a tree of `size`? */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (leaf.length !== HASH_BYTES || !wellFormed(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(r, root);
}

/** RFC 9162 §2.1.4.2: is the tree of `second` leaves an extension of the tree of `first` leaves? */
export function verifyConsistency(first: number, second: number, proof: readonly Uint8Array[], firstRoot: Uint8Array, secondRoot: Uint8Array): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || second < first || !wellFormed(proof)) return false;
  if (firstRoot.length !== HASH_BYTES || secondRoot.length !== HASH_BYTES) return false;
  if (first === second) return proof.length === 0 && sameBytes(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = Buffer.from(path[0] as Uint8Array);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sameBytes(fr, firstRoot) && sameBytes(sr, secondRoot) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
