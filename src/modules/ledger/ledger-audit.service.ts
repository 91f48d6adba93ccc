// A full audit of the stored ledger, for operators (anshin ledger audit): every event is rehashed, every
// stored node is recomputed from its children, and every signed checkpoint's root is recomputed. The
// first difference is reported with the entry (or node) it concerns.
import type { Database } from '../../db/database.js';
import { entriesFrom, findNodes, listCheckpoints } from './ledger.repository.js';
import { foldRange } from './merkle.js';
import { appendNodes, frontierKeys } from './tree-append.js';

const CHUNK = 10_000;

export interface AuditResult {
  entries: number;
  checkpoints: number;
  problems: string[];
}

function describeNode(id: number): string {
  const level = id % 64;
  const index = Math.floor(id / 64);
  return level === 0 ? `entry ${index}: the stored event does not hash to the stored leaf hash` : `the stored hash of entries ${index * 2 ** level}..${(index + 1) * 2 ** level - 1} (level ${level}) differs from the hash of its children`;
}

export async function auditLedger(db: Database, options: { maxProblems?: number } = {}): Promise<AuditResult> {
  const maxProblems = options.maxProblems ?? 20;
  const checkpoints = await listCheckpoints(db);
  const problems: string[] = [];
  const edge = new Map<number, Uint8Array>();
  let size = 0;
  const signedAt = new Map<number, Buffer[]>();
  for (const c of checkpoints) signedAt.set(c.size, [...(signedAt.get(c.size) ?? []), c.root]);
  // The root of the entries so far, from the tree's right edge, against the checkpoints signed at this size.
  const checkRoots = () => {
    const root = foldRange(frontierKeys(size).reverse().map((k) => edge.get(k.level) as Uint8Array));
    if (signedAt.get(size)?.some((r) => !r.equals(root))) problems.push(`the signed checkpoint of size ${size} does not match the stored entries`);
  };
  if (signedAt.has(0)) checkRoots();
  for (;;) {
    const rows = await entriesFrom(db, size, CHUNK);
    if (rows.length === 0) break;
    const gap = rows.findIndex((r, i) => r.idx !== size + i);
    if (gap >= 0) {
      problems.push(`entry ${size + gap} is missing`);
      break;
    }
    const nodes = [];
    for (const row of rows) {
      nodes.push(...appendNodes(size, edge, [Buffer.from(row.leaf, 'utf8')]).nodes);
      size++;
      if (signedAt.has(size)) checkRoots();
    }
    const stored = await findNodes(db, nodes.map((n) => n.id));
    for (const node of nodes) {
      if (problems.length >= maxProblems) break;
      if (!stored.get(node.id)?.equals(node.hash)) problems.push(stored.has(node.id) ? describeNode(node.id) : `node ${node.id} is missing`);
    }
    if (problems.length >= maxProblems) break;
  }
  for (const c of checkpoints) if (c.size > size) problems.push(`the signed checkpoint of size ${c.size} is larger than the log (${size} entries)`);
  return { entries: size, checkpoints: checkpoints.length, problems: problems.slice(0, maxProblems) };
}
