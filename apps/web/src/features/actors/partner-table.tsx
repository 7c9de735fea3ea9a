import Link from 'next/link';
import type { ActorLinkFragment, PartnerEdgeFieldsFragment } from '@/gql/graphql';
import { formatDate } from '@/lib/format/dates';
import { actorHref } from './actor-href';
import { relationship, statusLabel } from './partner-text';
import styles from './partners.module.css';
import { partnershipKindStyle } from './partnership-kinds';

/** The graph's edges as a table: the same facts, for reading row by row. */
export function PartnerTable({
  centre,
  edges,
}: {
  centre: ActorLinkFragment;
  edges: readonly PartnerEdgeFieldsFragment[];
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Partnerships of {centre.name}</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Kind</th>
            <th scope="col">Relationship</th>
            <th scope="col">Status</th>
            <th scope="col">Valid from</th>
            <th scope="col">Valid to</th>
            <th scope="col">Instrument</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => (
            <tr key={edge.partnership.id}>
              <th scope="row">
                <Link href={actorHref(edge.node.id)}>{edge.node.name}</Link>
              </th>
              <td>{partnershipKindStyle(edge.partnership.kind).label}</td>
              <td>{relationship(edge, centre)}</td>
              <td>{statusLabel(edge)}</td>
              <td>{edge.partnership.validFrom ? formatDate(edge.partnership.validFrom) : 'Open'}</td>
              <td>{edge.partnership.validTo ? formatDate(edge.partnership.validTo) : 'Open'}</td>
              <td>{edge.partnership.instrument ?? 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
