import { formatDate } from '@/lib/format/dates';
import { coordinatesText, fatalitiesText, isLocated, type NumberedObservation } from './observation-text';
import styles from './observations.module.css';
import { SOURCE_KIND_LABELS } from './risk-labels';

/** The evidence, newest first, each entry numbered as its point on the map. */
export function ObservationTimeline({ observations }: { observations: readonly NumberedObservation[] }) {
  return (
    <ol className={styles.timeline} aria-label="Observations, newest first">
      {observations.map((observation) => (
        <li key={observation.id} className={styles.entry}>
          <span className={styles.marker} aria-hidden="true">
            {observation.number}
          </span>
          <div className={styles.entryBody}>
            <p className={styles.entryDate}>
              <span className="visually-hidden">Observation {observation.number}, </span>
              <time dateTime={observation.occurredOn}>{formatDate(observation.occurredOn)}</time>
            </p>
            <h3 className={styles.entryTitle}>{observation.title}</h3>
            <ul className={styles.entryFacts}>
              {observation.eventType && <li>{observation.eventType}</li>}
              <li className={observation.fatalities ? styles.deaths : undefined}>
                {fatalitiesText(observation.fatalities)}
              </li>
              {(observation.locationName || isLocated(observation)) && (
                <li>
                  {observation.locationName}
                  {isLocated(observation) && (
                    <span className={styles.coordinates}>
                      {observation.locationName ? ' (' : ''}
                      {coordinatesText(observation.latitude, observation.longitude)}
                      {observation.locationName ? ')' : ''}
                    </span>
                  )}
                </li>
              )}
              {observation.riskFactor && (
                <li>
                  Evidence for risk factor {observation.riskFactor.number}, {observation.riskFactor.name}
                </li>
              )}
            </ul>
            <p className={styles.source}>
              Source: {observation.source ?? 'not cited'}
              {' · '}
              {SOURCE_KIND_LABELS[observation.sourceKind] ?? observation.sourceKind}
              {observation.reliability && ` · reliability ${observation.reliability}`}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
