// Appending to a Merkle tree whose complete-subtree hashes are stored: each leaf adds its own node and
// one node per level it completes (on average two nodes per leaf, at most log2(n) + 1), so an append
// costs O(log n) and never reads more than the tree's right edge. Pure.
import { leafHash, nodeHash, nodeId, type NodeKey } from './merkle.js';

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
  const nodes: NewNode[] = [];
  const leafHashes: Buffer[] = [];
  leaves.forEach((data, i) => {
    let index = size + i;
    let level = 0;
    let hash = leafHash(data);
    leafHashes.push(hash);
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
  return { nodes, leafHashes };
}
