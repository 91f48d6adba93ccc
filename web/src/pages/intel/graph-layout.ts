// A deterministic radial layout for an object's relationships: the object in the centre, the related
// objects evenly around it (two rings when there are many), edges shortened to the node circles, and
// labels of parallel edges spread along them. The same input always gives the same picture. Pure.
import type { GraphEdge, GraphNode } from './intel-api.ts';

export interface GraphSize {
  width: number;
  height: number;
  labelUnits: number; // the longest label, in half-width characters (a full-width one counts two)
}

export const NODE_RADIUS = 18;
export const WIDE: GraphSize = { width: 720, height: 520, labelUnits: 26 };
export const NARROW: GraphSize = { width: 360, height: 440, labelUnits: 20 };
const ONE_RING_MAX = 12;

export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
  center: boolean;
}

export interface PlacedEdge {
  edge: GraphEdge;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  labelX: number;
  labelY: number;
}

const byTypeAndName = (a: GraphNode, b: GraphNode): number =>
  a.type.localeCompare(b.type) || (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id);

const round = (n: number): number => Math.round(n * 10) / 10;

function placeAround(others: GraphNode[], size: GraphSize): PlacedNode[] {
  const cx = size.width / 2;
  const cy = size.height / 2;
  // An ellipse leaves room for half a label at the sides and for the labels below the lowest nodes.
  const rx = size.width / 2 - size.labelUnits * 3.4 - 4;
  const ry = size.height / 2 - 60;
  const twoRings = others.length > ONE_RING_MAX;
  // On a wide drawing, turned by half a step so that two related objects sit left and right, clear of
  // the centre's label; a tall (phone) drawing has no room at the sides and starts at the top.
  const wide = size.width > size.height;
  const start = !wide ? -Math.PI / 2 : others.length === 1 ? 0 : -Math.PI / 2 + Math.PI / others.length;
  return others.map((node, i) => {
    const angle = start + (2 * Math.PI * i) / others.length;
    const scale = twoRings && i % 2 === 1 ? 0.6 : 1;
    return { node, x: round(cx + rx * scale * Math.cos(angle)), y: round(cy + ry * scale * Math.sin(angle)), center: false };
  });
}

function placeEdge(edge: GraphEdge, from: PlacedNode, to: PlacedNode, nth: number, parallel: number): PlacedEdge {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const inset = NODE_RADIUS + 2;
  // Labels of edges between the same two nodes sit at different points along the line.
  const at = 0.5 + (nth - (parallel - 1) / 2) * 0.16;
  return {
    edge,
    x1: round(from.x + ux * inset), y1: round(from.y + uy * inset),
    x2: round(to.x - ux * (inset + 4)), y2: round(to.y - uy * (inset + 4)),
    labelX: round(from.x + dx * at), labelY: round(from.y + dy * at),
  };
}

export function radialLayout(
  centerId: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[], fullSize: GraphSize = WIDE,
): { nodes: PlacedNode[]; edges: PlacedEdge[]; size: GraphSize } {
  const center = nodes.find((n) => n.id === centerId);
  const others = nodes.filter((n) => n.id !== centerId).sort(byTypeAndName);
  // One or two related objects on a wide drawing sit on a horizontal line: a low drawing is enough.
  const size = fullSize.width > fullSize.height && others.length <= 2 ? { ...fullSize, height: 180 } : fullSize;
  const placed = [
    ...(center ? [{ node: center, x: size.width / 2, y: size.height / 2, center: true }] : []),
    ...placeAround(others, size),
  ];
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const pairKey = (e: GraphEdge) => [e.source, e.target].sort().join('|');
  const parallel = new Map<string, number>();
  for (const e of edges) parallel.set(pairKey(e), (parallel.get(pairKey(e)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const placedEdges: PlacedEdge[] = [];
  for (const edge of edges) {
    const from = at.get(edge.source);
    const to = at.get(edge.target);
    if (!from || !to) continue;
    const nth = seen.get(pairKey(edge)) ?? 0;
    seen.set(pairKey(edge), nth + 1);
    placedEdges.push(placeEdge(edge, from, to, nth, parallel.get(pairKey(edge)) ?? 1));
  }
  return { nodes: placed, edges: placedEdges, size };
}

const units = (ch: string): number => ((ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1);

/** A label that fits the drawing (full-width characters count double); the full text is in the table and the link's name. */
export function shortLabel(text: string, maxUnits: number): string {
  const chars = [...text];
  if (chars.reduce((sum, ch) => sum + units(ch), 0) <= maxUnits) return text;
  let used = 1; // the ellipsis
  let out = '';
  for (const ch of chars) {
    used += units(ch);
    if (used > maxUnits) break;
    out += ch;
  }
  return `${out}…`;
}
