'use client';

import Link from 'next/link';
import type { ActorLinkFragment, PartnershipKind } from '@/gql/graphql';
import { actorHref } from './actor-href';
import styles from './partner-graph.module.css';
import type { GraphLayout, GraphNode } from './partner-graph-layout';
import { describePartnership } from './partner-text';
import { partnershipKindStyle } from './partnership-kinds';

type Props = {
  centre: ActorLinkFragment;
  /** Computed where the data arrived (server or browser), so hydration never recomputes it. */
  layout: GraphLayout;
  /** The partner being pointed at or focused; its edges stand out. */
  activeId: string | null;
  onActivate: (partnerId: string | null) => void;
};

const markerId = (kind: PartnershipKind) => `partner-arrow-${kind}`;

function accessibleName(node: GraphNode, centre: ActorLinkFragment): string {
  const sentences = node.edges.map((edge) => describePartnership(edge, centre));
  return `${node.actor.name}: ${sentences.join('; ')}. Opens its page.`;
}

/**
 * The actor in the middle, its partners around it, one arrow per partnership in the partnership's
 * direction, coloured and labelled by kind. Partners are links: Tab moves round the ring clockwise.
 */
export function PartnerGraph({ centre, layout, activeId, onActivate }: Props) {
  const kinds = [...new Set(layout.links.map((link) => link.edge.partnership.kind))];
  const { x, y, width, height } = layout.viewBox;
  const [centreNode, ...partners] = layout.nodes;
  const dimmed = (partnerId: string) => activeId !== null && partnerId !== activeId;

  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the graph and holds its links.
    <svg
      className={styles.graph}
      viewBox={`${x} ${y} ${width} ${height}`}
      role="group"
      aria-label={`Partnership graph of ${centre.name}: ${partners.length} ${partners.length === 1 ? 'partner' : 'partners'}. Each partner is a link to its page.`}
      onMouseLeave={() => onActivate(null)}
    >
      <defs>
        {kinds.map((kind) => (
          <marker
            key={kind}
            id={markerId(kind)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={partnershipKindStyle(kind).color} />
          </marker>
        ))}
      </defs>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in the edges is focusable; the links carry the same facts. */}
      <g aria-hidden="true">
        {layout.links.map((link) => {
          const { color } = partnershipKindStyle(link.edge.partnership.kind);
          return (
            <path
              key={link.id}
              d={link.path}
              className={styles.edge}
              data-dimmed={dimmed(link.partnerId) || undefined}
              data-inactive={link.edge.partnership.status !== 'ACTIVE' || undefined}
              stroke={color}
              markerEnd={`url(#${markerId(link.edge.partnership.kind)})`}
            />
          );
        })}
        {layout.links.map((link) => {
          const { color, label } = partnershipKindStyle(link.edge.partnership.kind);
          return (
            <text
              key={link.id}
              x={link.labelX}
              y={link.labelY}
              className={styles.edgeLabel}
              data-dimmed={dimmed(link.partnerId) || undefined}
              fill={color}
            >
              {label}
            </text>
          );
        })}
      </g>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the centre is this page's actor, named by the group, not a link. */}
      <g aria-hidden="true" className={styles.centre}>
        <rect
          x={centreNode.x - centreNode.width / 2}
          y={centreNode.y - centreNode.height / 2}
          width={centreNode.width}
          height={centreNode.height}
          rx={centreNode.height / 2}
        />
        <text x={centreNode.x} y={centreNode.y}>
          {centreNode.label}
        </text>
      </g>
      {partners.map((node) => (
        <Link
          key={node.id}
          href={actorHref(node.id)}
          className={styles.node}
          aria-label={accessibleName(node, centre)}
          data-active={node.id === activeId || undefined}
          data-dimmed={dimmed(node.id) || undefined}
          onMouseEnter={() => onActivate(node.id)}
          onFocus={() => onActivate(node.id)}
          onBlur={() => onActivate(null)}
        >
          <rect
            x={node.x - node.width / 2}
            y={node.y - node.height / 2}
            width={node.width}
            height={node.height}
            rx={node.height / 2}
          />
          <text x={node.x} y={node.y}>
            {node.label}
          </text>
        </Link>
      ))}
    </svg>
  );
}
