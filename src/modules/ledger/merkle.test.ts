// RFC 9162 correctness: roots and proofs against the definitions and the public CT test vectors, and
// property tests over random sizes (every proof verifies, every mutated proof fails).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof, emptyRoot, inclusionProof, leafHash, nodeHash, rootHash, splitPoint, verifyConsistency, verifyInclusion, type NodeSource,
} from './merkle.js';
import { appendNodes } from './tree-append.js';

const hex = (h: string) => Buffer.from(h, 'hex');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4', '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c', '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);

// The definitions, written out directly (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1): these rehash everything.
function mth(d: readonly Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return leafHash(d[0] as Buffer);
  const k = splitPoint(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}
function path(m: number, d: readonly Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function subproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))] : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

/** A tree whose nodes are stored as the ledger stores them, appended in batches of the given sizes. */
function storedTree(leaves: readonly Buffer[], batch = 7): NodeSource {
  const nodes = new Map<number, Buffer>();
  const edge = new Map<number, Uint8Array>();
  for (let i = 0; i < leaves.length; i += batch) {
    for (const node of appendNodes(i, edge, leaves.slice(i, i + batch)).nodes) nodes.set(node.id, node.hash);
  }
  return async (ids) => new Map(ids.filter((id) => nodes.has(id)).map((id) => [id, nodes.get(id) as Buffer]));
}

// Deterministic random numbers, so a failure can be reproduced.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));

/** Every way to spoil a proof: each element changed, one dropped, one added, the order swapped. */
function mutations(proof: readonly Buffer[]): Buffer[][] {
  const out: Buffer[][] = [];
  proof.forEach((h, i) => {
    const changed = Buffer.from(h);
    changed[i % 32] = (changed[i % 32] as number) ^ 0x01;
    out.push(proof.map((p, j) => (j === i ? changed : p)));
    out.push(proof.filter((_, j) => j !== i));
  });
  out.push([...proof, Buffer.alloc(32)]);
  if (proof.length > 1) out.push([...proof].reverse());
  return out.filter((m) => m.length !== proof.length || m.some((p, i) => !p.equals(proof[i] as Buffer)));
}

describe('Merkle tree hash (RFC 9162 §2.1.1)', () => {
  it('matches the public test vectors for 0 to 8 leaves, from stored nodes', async () => {
    expect(emptyRoot().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const source = storedTree(LEAVES, 3);
    expect(await rootHash(0, source)).toEqual(emptyRoot());
    for (let n = 1; n <= 8; n++) {
      expect((await rootHash(n, source)).toString('hex'), `size ${n}`).toBe(ROOTS[n - 1]?.toString('hex'));
      expect(mth(LEAVES.slice(0, n))).toEqual(ROOTS[n - 1]);
    }
  });

  it('separates leaves from nodes with the 0x00 and 0x01 prefixes', () => {
    expect(leafHash(Buffer.from('ab'))).toEqual(createHash('sha256').update(Buffer.from([0, 0x61, 0x62])).digest());
    expect(nodeHash(hex('aa'), hex('bb'))).toEqual(createHash('sha256').update(hex('01aabb')).digest());
  });
});

describe('proofs: public vectors', () => {
  const source = storedTree(LEAVES, 1);
  it('inclusion proofs of leaves 0 and 5 in the tree of 8', async () => {
    expect((await inclusionProof(0, 8, source)).map((h) => h.toString('hex'))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect((await inclusionProof(5, 8, source)).map((h) => h.toString('hex'))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(await inclusionProof(0, 1, source)).toEqual([]);
  });
  it('consistency proofs 6→8 and 2→5', async () => {
    const proof68 = await consistencyProof(6, 8, source);
    expect(proof68.map((h) => h.toString('hex'))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(verifyConsistency(6, 8, proof68, ROOTS[5] as Buffer, ROOTS[7] as Buffer)).toBe(true);
    expect(verifyConsistency(6, 8, proof68, ROOTS[4] as Buffer, ROOTS[7] as Buffer)).toBe(false);
    const proof25 = await consistencyProof(2, 5, source);
    expect(proof25.map((h) => h.toString('hex'))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
    expect(verifyConsistency(2, 5, proof25, ROOTS[1] as Buffer, ROOTS[4] as Buffer)).toBe(true);
  });
});

describe('proofs: edge cases as RFC 9162 requires', () => {
  const root = ROOTS[7] as Buffer;
  const leaf = leafHash(LEAVES[0] as Buffer);
  it('inclusion: index ≥ size, size 0 and a leaf hash that is not 32 bytes fail', () => {
    expect(verifyInclusion(8, 8, leaf, [], root)).toBe(false);
    expect(verifyInclusion(0, 0, leaf, [], emptyRoot())).toBe(false);
    expect(verifyInclusion(0, 1, leaf.subarray(0, 31), [], leaf.subarray(0, 31))).toBe(false);
    expect(verifyInclusion(0, 1, leaf, [], leaf)).toBe(true);
    expect(verifyInclusion(0, 1, leaf, [leaf], leaf)).toBe(false);
    expect(verifyInclusion(-1, 8, leaf, [], root)).toBe(false);
  });
  it('consistency: first size 0, second < first, and a non-empty proof for equal sizes fail', () => {
    expect(verifyConsistency(0, 8, [], emptyRoot(), root)).toBe(false);
    expect(verifyConsistency(8, 7, [], root, ROOTS[6] as Buffer)).toBe(false);
    expect(verifyConsistency(8, 8, [], root, root)).toBe(true);
    expect(verifyConsistency(8, 8, [root], root, root)).toBe(false);
    expect(verifyConsistency(8, 8, [], root, ROOTS[6] as Buffer)).toBe(false);
    expect(verifyConsistency(3, 8, [], ROOTS[2] as Buffer, root)).toBe(false);
  });
});

describe('proofs: properties over random sizes', () => {
  const random = prng(6);
  const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, ...Array.from({ length: 8 }, () => 1 + Math.floor(random() * 300))];
  it.each(sizes)('a tree of %i leaves: proofs equal the definitions, verify, and fail when mutated', async (n) => {
    const leaves = leavesOf(n);
    const source = storedTree(leaves, 1 + Math.floor(random() * 50));
    const roots = new Map<number, Buffer>();
    for (let m = 1; m <= n; m++) roots.set(m, mth(leaves.slice(0, m)));
    const root = roots.get(n) as Buffer;
    expect(await rootHash(n, source)).toEqual(root);
    const sample = (count: number) => [...new Set([0, n - 1, ...Array.from({ length: count }, () => Math.floor(random() * n))])];
    for (const m of sample(12)) {
      const proof = await inclusionProof(m, n, source);
      expect(proof).toEqual(path(m, leaves));
      const hash = leafHash(leaves[m] as Buffer);
      expect(verifyInclusion(m, n, hash, proof, root), `inclusion ${m}/${n}`).toBe(true);
      for (const bad of mutations(proof)) expect(verifyInclusion(m, n, hash, bad, root)).toBe(false);
      expect(verifyInclusion(m, n, leafHash(Buffer.from('other')), proof, root)).toBe(false);
      if (n > 1) expect(verifyInclusion((m + 1) % n, n, hash, proof, root)).toBe(false);
    }
    for (const m of sample(12).map((i) => i + 1)) {
      const proof = await consistencyProof(m, n, source);
      expect(proof).toEqual(m === n ? [] : subproof(m, leaves, true));
      expect(verifyConsistency(m, n, proof, roots.get(m) as Buffer, root), `consistency ${m}→${n}`).toBe(true);
      for (const bad of mutations(proof)) expect(verifyConsistency(m, n, bad, roots.get(m) as Buffer, root)).toBe(false);
      if (m < n) expect(verifyConsistency(m, n, proof, mth(leaves.slice(0, m - 1)), root)).toBe(false);
      if (m < n) expect(verifyConsistency(m, n, proof, roots.get(m) as Buffer, roots.get(n - 1) as Buffer)).toBe(false);
    }
  });
});
