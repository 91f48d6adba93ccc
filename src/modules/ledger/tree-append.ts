// Appending to a Merkle tree whose complete-subtree hashes are stored: each leaf adds its own node and
// one node per level it completes (on average two nodes per leaf, at most log2(n) + 1), so an append
// costs O(log n) and never reads more than the tree's right edge. Also what recomputing stored nodes
// finds wrong with them (the audit, and the check before a checkpoint is signed). Pure.
import { foldRange, leafHash, nodeHash, nodeId, type NodeKey } from './merkle.js';

/** The right edge of a tree of `size` leaves: one complete subtree per set bit of the size. */
export function frontierKeys(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  for (let level = 0; 2 ** level <= size; level++) {
    const count = Math.floor(size / 2 ** level);
    if (count % 2 === 1) keys.push({ level, index: count - 1 });
  }
  return keys;
}

export interface NewNode {
  id: number;
  hash: Buffer;
}

/**
 * The nodes that appending `leaves` (their data) to a tree of `size` adds. `edge` maps a level to the
 * hash of the last complete node at that level (see frontierKeys); it is updated in place.
 */
export function appendNodes(size: number, edge: Map<number, Uint8Array>, leaves: readonly Uint8Array[]): { nodes: NewNode[]; leafHashes: Buffer[] } {
  const leafHashes = leaves.map((data) => leafHash(data));
  return { nodes: appendLeafHashes(size, edge, leafHashes), leafHashes };
}

/** As appendNodes, from the leaves' hashes (an audit continues past a missing entry with its stored leaf hash). */
export function appendLeafHashes(size: number, edge: Map<number, Uint8Array>, leafHashes: readonly Buffer[]): NewNode[] {
  const nodes: NewNode[] = [];
  leafHashes.forEach((leaf, i) => {
    let index = size + i;
    let level = 0;
    let hash = leaf;
    nodes.push({ id: nodeId(0, index), hash });
    while (index % 2 === 1) {
      const left = edge.get(level);
      if (!left) throw new Error(`the tree's edge lacks level ${level}`);
      edge.set(level, hash);
      hash = nodeHash(left, hash);
      index = (index - 1) / 2;
      level++;
      nodes.push({ id: nodeId(level, index), hash });
    }
    edge.set(level, hash);
  });
  return nodes;
}

/** The root of a tree of `size` leaves from its right edge (as appendNodes leaves it). */
export const edgeRoot = (size: number, edge: ReadonlyMap<number, Uint8Array>): Buffer =>
  foldRange(frontierKeys(size).reverse().map((k) => {
    const hash = edge.get(k.level);
    if (!hash) throw new Error(`the tree's edge lacks level ${k.level}`);
    return hash;
  }));

/** What is wrong with a stored node, in words: a level-0 node is an entry's leaf hash. */
export function describeNode(id: number): string {
  const level = id % 64;
  const index = Math.floor(id / 64);
  return level === 0
    ? `entry ${index}: the stored event does not hash to the stored leaf hash`
    : `the stored hash of entries ${index * 2 ** level}..${(index + 1) * 2 ** level - 1} (level ${level}) differs from the hash of its children`;
}

/** The recomputed nodes that are missing from the store or differ from it, described. */
export function nodeProblems(computed: readonly NewNode[], stored: ReadonlyMap<number, Uint8Array>): string[] {
  const problems: string[] = [];
  for (const node of computed) {
    const hash = stored.get(node.id);
    if (!hash) problems.push(`node ${node.id} (level ${node.id % 64}, index ${Math.floor(node.id / 64)}) is missing`);
    else if (Buffer.compare(hash, node.hash) !== 0) problems.push(describeNode(node.id));
  }
  return problems;
}
