// Campaign candidates: the connected components of the graph whose nodes are sources (objects, reports)
// and whose edges are shared values. Observable objects themselves (an ipv4-addr holding its own value)
// only join what already shares the value, so a candidate needs at least two other sources. Pure.
import type { Observable, ObservableType } from './normalise.js';
import type { SourceKind } from './correlation.table.js';

export interface ClusterInput {
  value_id: number;
  source_kind: SourceKind;
  source_id: string;
  source_type: string;
  type: string;
  value: string;
}

export interface Member {
  source_kind: SourceKind;
  source_id: string;
  source_type: string;
}

export interface Cluster {
  members: Member[]; // sources other than observable objects, sorted
  values: Observable[];
}

export const OBSERVABLE_OBJECT_TYPES: ReadonlySet<string> = new Set([
  'ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'artifact', 'x509-certificate',
]);

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root) as string;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

const keyOf = (m: Member) => `${m.source_kind}|${m.source_id}`;

export function findCluster(rows: readonly ClusterInput[]): Cluster[] {
  const sets = new UnionFind();
  const members = new Map<string, Member>();
  const firstOfValue = new Map<number, string>();
  for (const r of rows) {
    const key = keyOf(r);
    members.set(key, { source_kind: r.source_kind, source_id: r.source_id, source_type: r.source_type });
    const first = firstOfValue.get(r.value_id);
    if (first === undefined) firstOfValue.set(r.value_id, key);
    else sets.union(first, key);
  }
  const clusters = new Map<string, { members: Member[]; values: Map<number, Observable> }>();
  for (const r of rows) {
    const root = sets.find(keyOf(r));
    const cluster = clusters.get(root) ?? { members: [], values: new Map() };
    cluster.values.set(r.value_id, { type: r.type as ObservableType, value: r.value });
    clusters.set(root, cluster);
  }
  for (const [key, member] of members) {
    if (!OBSERVABLE_OBJECT_TYPES.has(member.source_type)) clusters.get(sets.find(key))?.members.push(member);
  }
  return [...clusters.values()]
    .filter((c) => c.members.length >= 2)
    .map((c) => ({
      members: c.members.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1)),
      values: [...c.values.values()].sort((a, b) => (`${a.type}|${a.value}` < `${b.type}|${b.value}` ? -1 : 1)),
    }))
    .sort((a, b) => b.members.length - a.members.length || b.values.length - a.values.length);
}
