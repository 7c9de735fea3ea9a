import { ObservationMap } from './observation-map';
import type { NumberedObservation } from './observation-text';
import { ObservationTimeline } from './observation-timeline';
import layout from './observations.module.css';
import type { SituationPageSituation } from './situation-page.types';
import styles from './situations.module.css';

/** The evidence: a timeline, newest first, beside a map of the points that have a location. */
export function SituationObservations({ situation }: { situation: SituationPageSituation }) {
  const observations: NumberedObservation[] = situation.observations.edges.map((edge, i) => ({
    ...edge.node,
    number: i + 1,
  }));
  const { totalCount } = situation.observations;
  return (
    <section className={styles.section} aria-labelledby="observations-heading">
      <h2 id="observations-heading">Observations</h2>
      {observations.length === 0 ? (
        <p className={styles.empty}>No observation of this situation has been recorded that you may see.</p>
      ) : (
        <>
          <p className={styles.sectionIntro}>
            {totalCount > observations.length
              ? `The ${observations.length} most recent of ${totalCount} observations`
              : `${totalCount} ${totalCount === 1 ? 'observation' : 'observations'}`}
            , newest first. Each number on the map is the observation with that number on the timeline.
          </p>
          <div className={layout.layout}>
            <div className={layout.mapColumn}>
              <ObservationMap observations={observations} />
            </div>
            <ObservationTimeline observations={observations} />
          </div>
        </>
      )}
    </section>
  );
}
