import type { ActorLinkFragment } from '@/gql/graphql';
import type { GraphNode } from './partner-graph-layout';
import { relationship, statusLabel, validity } from './partner-text';
import styles from './partners.module.css';
import { partnershipKindStyle } from './partnership-kinds';

/** What the pointed-at or focused partner is to the actor: every partnership between the two. */
export function PartnerDetails({ centre, node }: { centre: ActorLinkFragment; node: GraphNode | null }) {
  if (!node) {
    return (
      <div className={styles.details}>
        <p className={styles.hint}>
          Point at a partner, or move to it with Tab, to see the partnership. Select it to open its page.
        </p>
      </div>
    );
  }
  return (
    <div className={styles.details}>
      <h3>{node.actor.name}</h3>
      <ul className={styles.detailList}>
        {node.edges.map((edge) => {
          const style = partnershipKindStyle(edge.partnership.kind);
          return (
            <li key={edge.partnership.id}>
              <p className={styles.detailKind}>
                <span className={styles.swatch} style={{ background: style.color }} aria-hidden="true" />
                {style.label}
              </p>
              <p>{relationship(edge, centre)}</p>
              <dl className={styles.facts}>
                <dt>Status</dt>
                <dd>{statusLabel(edge)}</dd>
                <dt>Valid</dt>
                <dd>{validity(edge.partnership)}</dd>
                <dt>Instrument</dt>
                <dd>{edge.partnership.instrument ?? 'None recorded'}</dd>
              </dl>
              {edge.partnership.notes && <p className={styles.note}>{edge.partnership.notes}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
