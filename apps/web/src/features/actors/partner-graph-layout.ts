import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { ActorLinkFragment, PartnerEdgeFieldsFragment, PartnershipKind } from '@/gql/graphql';
import { PARTNERSHIP_KINDS, partnershipKindStyle } from './partnership-kinds';

export type GraphNode = {
  id: string;
  actor: ActorLinkFragment;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  isCentre: boolean;
  /** The partnerships between this partner and the centre. */
  edges: PartnerEdgeFieldsFragment[];
};

export type GraphLink = {
  id: string;
  partnerId: string;
  edge: PartnerEdgeFieldsFragment;
  /** SVG path from the source's border to the target's, bent when a pair has several edges. */
  path: string;
  labelX: number;
  labelY: number;
};

export type GraphLayout = {
  nodes: GraphNode[];
  links: GraphLink[];
  viewBox: { x: number; y: number; width: number; height: number };
};

const NODE_HEIGHT = 30;
const CENTRE_HEIGHT = 40;
const CHAR_WIDTH = 7.4;
const MAX_LABEL = 22;
const PARALLEL_GAP = 34;
const ARROW_GAP = 3;
const MARGIN = 24;
const KIND_ORDER = Object.keys(PARTNERSHIP_KINDS) as PartnershipKind[];
const LABEL_CHAR_WIDTH = 6.6;
const LABEL_HEIGHT = 15;
/** Where along an edge a label may sit, as a fraction of the way from the partner to the centre. */
const LABEL_PLACES = [0.36, 0.3, 0.44, 0.24, 0.52, 0.2, 0.6];

type Box = { x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

/** The text drawn in a node: the acronym when there is one, else the name, shortened. */
export function nodeLabel(actor: ActorLinkFragment): string {
  const text = actor.acronym ?? actor.name;
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).trimEnd()}…` : text;
}

function widthOf(label: string, centre: boolean): number {
  return Math.round(label.length * CHAR_WIDTH * (centre ? 1.15 : 1) + (centre ? 32 : 22));
}

/** Where the segment from `from` towards `to` leaves the rectangle of `to`, minus a gap. */
function border(from: { x: number; y: number }, to: GraphNode, gap: number) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const reach = Math.min(
    ux === 0 ? Infinity : to.width / 2 / Math.abs(ux),
    uy === 0 ? Infinity : to.height / 2 / Math.abs(uy),
  );
  return { x: to.x - ux * (reach + gap), y: to.y - uy * (reach + gap) };
}

const round = (n: number) => Math.round(n * 10) / 10;

type SimNode = SimulationNodeDatum & { index: number; radius: number };

/**
 * Lays the partners out around the actor: grouped by their first partnership's kind, so that the
 * edges of one colour sit together, then spread by a short, synchronous force simulation (no timers,
 * no randomness: the same data always gives the same picture, on the server and in the browser).
 */
export function layoutPartnerGraph(
  centre: ActorLinkFragment,
  edges: readonly PartnerEdgeFieldsFragment[],
): GraphLayout {
  const byPartner = new Map<string, PartnerEdgeFieldsFragment[]>();
  for (const edge of edges) {
    const list = byPartner.get(edge.node.id) ?? [];
    list.push(edge);
    byPartner.set(edge.node.id, list);
  }
  const kindRank = (list: PartnerEdgeFieldsFragment[]) =>
    Math.min(
      ...list.map((e) => KIND_ORDER.indexOf(e.partnership.kind)).map((i) => (i < 0 ? KIND_ORDER.length : i)),
    );
  const partners = [...byPartner.values()].sort(
    (a, b) => kindRank(a) - kindRank(b) || a[0].node.name.localeCompare(b[0].node.name),
  );

  const centreLabel = nodeLabel(centre);
  const centreNode: GraphNode = {
    id: centre.id,
    actor: centre,
    label: centreLabel,
    x: 0,
    y: 0,
    width: widthOf(centreLabel, true),
    height: CENTRE_HEIGHT,
    isCentre: true,
    edges: [],
  };
  const nodes: GraphNode[] = partners.map((list) => {
    const label = nodeLabel(list[0].node);
    return {
      id: list[0].node.id,
      actor: list[0].node,
      label,
      x: 0,
      y: 0,
      width: widthOf(label, false),
      height: NODE_HEIGHT,
      isCentre: false,
      edges: list,
    };
  });

  // A ring long enough for every node side by side, and never tighter than the centre needs.
  const perimeter = nodes.reduce((sum, n) => sum + Math.max(n.width * 0.8, 70) + 16, 0);
  const radius = Math.max(170, perimeter / (2 * Math.PI), centreNode.width / 2 + 120);
  const count = nodes.length;
  const sim: SimNode[] = [
    { index: 0, x: 0, y: 0, fx: 0, fy: 0, radius: centreNode.width / 2 },
    ...nodes.map((node, i): SimNode => {
      // Start on the ring, clockwise from the top, in the grouped order.
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(count, 1);
      return {
        index: i + 1,
        x: radius * Math.cos(angle),
        y: radius * Math.sin(angle),
        radius: Math.max(node.width / 2, 28) * 0.8,
      };
    }),
  ];
  if (count > 0) {
    forceSimulation(sim)
      .force('ring', forceRadial<SimNode>((d) => (d.index === 0 ? 0 : radius), 0, 0).strength(0.9))
      .force('spread', forceManyBody<SimNode>().strength(-120))
      .force(
        'collide',
        forceCollide<SimNode>((d) => d.radius + 8)
          .strength(1)
          .iterations(3),
      )
      .force(
        'spoke',
        forceLink(sim.slice(1).map((d) => ({ source: 0, target: d.index })))
          .distance(radius)
          .strength(0.05),
      )
      .stop()
      .tick(240);
  }
  nodes.forEach((node, i) => {
    node.x = round(sim[i + 1].x ?? 0);
    node.y = round(sim[i + 1].y ?? 0);
  });
  // Keyboard order follows the ring clockwise from the top, as the eye reads it.
  const clockwise = (n: GraphNode) => (Math.atan2(n.y, n.x) + (5 * Math.PI) / 2) % (2 * Math.PI);
  nodes.sort((a, b) => clockwise(a) - clockwise(b));

  const links: GraphLink[] = [];
  const taken: Box[] = [centreNode, ...nodes].map((n) => ({
    x: n.x,
    y: n.y,
    width: n.width + 4,
    height: n.height + 4,
  }));
  for (const node of nodes) {
    const n = node.edges.length;
    node.edges.forEach((edge, k) => {
      const outgoing = edge.direction === 'OUTGOING';
      const source = outgoing ? centreNode : node;
      const target = outgoing ? node : centreNode;
      // Several edges between one pair bend apart, symmetrically around the straight line.
      const offset = (k - (n - 1) / 2) * PARALLEL_GAP * (outgoing ? 1 : -1);
      const mx = (source.x + target.x) / 2;
      const my = (source.y + target.y) / 2;
      const length = Math.hypot(target.x - source.x, target.y - source.y) || 1;
      const cx = mx + (-(target.y - source.y) / length) * offset * 2;
      const cy = my + ((target.x - source.x) / length) * offset * 2;
      const control = { x: cx, y: cy };
      const start = border(control, source, 0);
      const end = border(control, target, ARROW_GAP);
      const path =
        offset === 0
          ? `M${round(start.x)},${round(start.y)}L${round(end.x)},${round(end.y)}`
          : `M${round(start.x)},${round(start.y)}Q${round(cx)},${round(cy)} ${round(end.x)},${round(end.y)}`;
      const at = (fromPartner: number) => {
        const t = outgoing ? 1 - fromPartner : fromPartner;
        return {
          x: (1 - t) ** 2 * source.x + 2 * (1 - t) * t * cx + t ** 2 * target.x,
          y: (1 - t) ** 2 * source.y + 2 * (1 - t) * t * cy + t ** 2 * target.y,
        };
      };
      // The label takes the first free place along its edge, nearest the partner first, where the
      // spokes are furthest apart; if none is free it keeps the first.
      const label = partnershipKindStyle(edge.partnership.kind).label;
      const size = { width: label.length * LABEL_CHAR_WIDTH + 8, height: LABEL_HEIGHT };
      const places = LABEL_PLACES.map((f) => ({ ...at(f), ...size }));
      const place = places.find((box) => !taken.some((other) => overlaps(box, other))) ?? places[0];
      taken.push(place);
      links.push({
        id: edge.partnership.id,
        partnerId: node.id,
        edge,
        path,
        labelX: round(place.x),
        labelY: round(place.y),
      });
    });
  }

  const all = [centreNode, ...nodes];
  const minX = Math.min(...all.map((n) => n.x - n.width / 2)) - MARGIN;
  const maxX = Math.max(...all.map((n) => n.x + n.width / 2)) + MARGIN;
  const minY = Math.min(...all.map((n) => n.y - n.height / 2)) - MARGIN;
  const maxY = Math.max(...all.map((n) => n.y + n.height / 2)) + MARGIN;
  return {
    nodes: [centreNode, ...nodes],
    links,
    viewBox: { x: round(minX), y: round(minY), width: round(maxX - minX), height: round(maxY - minY) },
  };
}
