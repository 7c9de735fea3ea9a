import Link from 'next/link';
import { situationHref } from '@/features/plans/plan-hrefs';
import type { AlertState, CapSeverity, HomeAlertsQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { formatDateTime } from '@/lib/format/dates';
import { homeAlertsQuery } from './home.graphql';
import styles from './home.module.css';
import { Empty, SectionError } from './home-section';

const STATE_LABELS: Record<AlertState, string> = {
  DRAFT: 'Draft',
  ISSUED: 'Issued',
  ACKNOWLEDGED: 'Acknowledged',
  ESCALATED: 'Escalated',
  CLOSED: 'Closed',
};

const SEVERITY_LABELS: Record<CapSeverity, string> = {
  EXTREME: 'Extreme',
  SEVERE: 'Severe',
  MODERATE: 'Moderate',
  MINOR: 'Minor',
  UNKNOWN: 'Severity unknown',
};

/** Alerts still open (issued, acknowledged or escalated), newest first, each under its situation. */
export async function HomeAlerts() {
  let alerts: HomeAlertsQuery['alerts'];
  try {
    const { data } = await query({ query: homeAlertsQuery });
    if (!data) throw new Error('no data');
    alerts = data.alerts;
  } catch (error) {
    console.error('home: the alerts query failed', error);
    return <SectionError what="The alerts" message={errorMessage(error)} />;
  }
  if (alerts.edges.length === 0) return <Empty>No open alert.</Empty>;
  return (
    <>
      <ul className={styles.rows}>
        {alerts.edges.map(({ node: alert }) => (
          <li key={alert.id} className={styles.row}>
            <div className={styles.main}>
              <Link href={situationHref(alert.situation.id)}>{alert.headline}</Link>
              <span className={styles.meta}>
                {alert.situation.name} · from {alert.senderActor.acronym ?? alert.senderActor.name}
                {alert.issuedAt && ` · issued ${formatDateTime(alert.issuedAt)}`}
              </span>
            </div>
            <div className={styles.side}>
              <span className={styles.severity} data-severity={alert.severity}>
                {SEVERITY_LABELS[alert.severity] ?? alert.severity}
              </span>
              <span className={styles.meta}>{STATE_LABELS[alert.state] ?? alert.state}</span>
            </div>
          </li>
        ))}
      </ul>
      {alerts.totalCount > alerts.edges.length && (
        <p className={styles.meta}>
          The newest {alerts.edges.length} of {alerts.totalCount} open alerts.
        </p>
      )}
    </>
  );
}
