// An object's relationships drawn as a graph (SVG), with the same relationships as a table for screen
// readers and for anyone who prefers text. Related objects are links, reachable with Tab.
import { useEffect, useState, type MouseEvent } from 'react';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { Link, useNavigate } from 'react-router';
import { objectHref, type GraphNode, type ObjectDetail } from './intel-api.ts';
import { typeLabel } from './intel-labels.ts';
import { NARROW, NODE_RADIUS, radialLayout, shortLabel, WIDE, type GraphSize } from './graph-layout.ts';

const nodeText = (t: Translate, node: GraphNode): string =>
  node.readable ? `${typeLabel(t, node.type)}: ${node.name ?? node.id}` : `${typeLabel(t, node.type)}: ${t('intel.graph.unreadable')}`;

// The drawing is laid out again for narrow screens, so that its text stays readable on a phone.
const NARROW_QUERY = '(max-width: 48rem)';

function useGraphSize(): GraphSize {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const change = () => setNarrow(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return narrow ? NARROW : WIDE;
}

function NodeShape({ node, x, y, center, size }: { node: GraphNode; x: number; y: number; center: boolean; size: GraphSize }) {
  const { t } = useI18n();
  // The labels drawn under a node are shortened to fit; the node's accessible name (aria-label on its link or group)
  // says it in full, so the drawn words are hidden from assistive technology rather than read as a second, cut name.
  return (
    <>
      <circle cx={x} cy={y} r={center ? NODE_RADIUS + 6 : NODE_RADIUS} className={`graph-node-${node.type.replace(/[^a-z0-9-]/g, '')}`} />
      <text x={x} y={y + NODE_RADIUS + (center ? 22 : 16)} className="graph-name" textAnchor="middle" aria-hidden="true">
        {shortLabel(node.readable ? (node.name ?? node.id) : node.id.split('--')[0] ?? node.id, size.labelUnits)}
      </text>
      <text x={x} y={y + NODE_RADIUS + (center ? 38 : 31)} className="graph-type" textAnchor="middle" aria-hidden="true">
        {shortLabel(node.readable ? typeLabel(t, node.type) : t('intel.graph.unreadable'), size.labelUnits + 4)}
      </text>
    </>
  );
}

export function RelationshipGraph({ detail }: { detail: ObjectDetail }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const fullSize = useGraphSize();
  const centerId = String(detail.object.id);
  const { nodes, edges } = detail.related;
  if (edges.length === 0) return <p className="muted">{t('intel.graph.none')}</p>;
  const layout = radialLayout(centerId, nodes, edges, fullSize);
  const { size } = layout;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const follow = (href: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };

  return (
    <>
      <figure className="graph">
        <svg viewBox={`0 0 ${size.width} ${size.height}`} role="group" aria-labelledby="graph-caption">
          <defs>
            <marker id="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="graph-arrow" />
            </marker>
          </defs>
          {layout.edges.map((e, i) => (
            <g key={`${e.edge.id}|${e.edge.source}|${e.edge.target}|${i}`} className="graph-edge">
              <line x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} markerEnd="url(#graph-arrow)" />
              <text x={e.labelX} y={e.labelY} textAnchor="middle" dominantBaseline="middle">
                {e.edge.relationshipType}
              </text>
            </g>
          ))}
          {layout.nodes.map(({ node, x, y, center }) =>
            center || !node.readable ? (
              <g key={node.id} className={center ? 'graph-node center' : 'graph-node unreadable'} aria-label={nodeText(t, node)} role="img">
                <NodeShape node={node} x={x} y={y} center={center} size={size} />
              </g>
            ) : (
              <a key={node.id} href={objectHref(node.id)} onClick={follow(objectHref(node.id))} className="graph-node" aria-label={nodeText(t, node)} tabIndex={0}>
                <title>{nodeText(t, node)}</title>
                <NodeShape node={node} x={x} y={y} center={false} size={size} />
              </a>
            ),
          )}
        </svg>
        <figcaption id="graph-caption">{t('intel.graph.caption', { count: edges.length })}</figcaption>
      </figure>
      <div className="table-wrap intel-fit">
        <table className="dense">
          <caption>{t('intel.graph.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intel.graph.source')}</th>
              <th scope="col">{t('intel.graph.relationship')}</th>
              <th scope="col">{t('intel.graph.target')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map((edge, i) => (
              <tr key={`${edge.id}|${edge.source}|${edge.target}|${i}`}>
                <td><NodeCell node={byId.get(edge.source)} id={edge.source} current={edge.source === centerId} /></td>
                <td>
                  {edge.id === centerId ? edge.relationshipType : <Link to={objectHref(edge.id)}>{edge.relationshipType}</Link>}
                </td>
                <td><NodeCell node={byId.get(edge.target)} id={edge.target} current={edge.target === centerId} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!detail.related.complete ? <p className="hint">{t('intel.graph.incomplete')}</p> : null}
    </>
  );
}

function NodeCell({ node, id, current }: { node: GraphNode | undefined; id: string; current: boolean }) {
  const { t } = useI18n();
  if (!node?.readable) return <span className="muted wrap">{t('intel.graph.unreadableId', { id })}</span>;
  const text = nodeText(t, node);
  return current ? <strong>{text}{t('intel.graph.thisObject')}</strong> : <Link to={objectHref(id)}>{text}</Link>;
}
