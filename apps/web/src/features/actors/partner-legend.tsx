import type { PartnershipKind } from '@/gql/graphql';
import styles from './partners.module.css';
import { PARTNERSHIP_KINDS, partnershipKindStyle } from './partnership-kinds';

/** The colours of the kinds shown, with their names; dashed lines are partnerships not active. */
export function PartnerLegend({ kinds }: { kinds: readonly PartnershipKind[] }) {
  const order = Object.keys(PARTNERSHIP_KINDS);
  const shown = [...new Set(kinds)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className={styles.legend}>
      <h3 className="visually-hidden">Legend</h3>
      <ul>
        {shown.map((kind) => {
          const style = partnershipKindStyle(kind);
          return (
            <li key={kind} className={styles.legendItem}>
              <span className={styles.legendLine} style={{ borderColor: style.color }} aria-hidden="true" />
              {style.label}
            </li>
          );
        })}
        <li className={styles.legendItem}>
          <span className={`${styles.legendLine} ${styles.legendDashed}`} aria-hidden="true" />
          Not active (proposed, suspended, expired or terminated)
        </li>
      </ul>
      <p className={styles.hint}>Arrows point from the actor that acts to the one it acts on.</p>
    </div>
  );
}
