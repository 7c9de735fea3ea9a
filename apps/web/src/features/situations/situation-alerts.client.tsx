'use client';

import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import type { CapCertainty, CapSeverity, CapUrgency, SituationAlertFieldsFragment } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDateTime } from '@/lib/format/dates';
import {
  ALERT_STATE_LABELS,
  CERTAINTY_LABELS,
  SEVERITY_LABELS,
  shortName,
  URGENCY_LABELS,
} from './alert-labels';
import {
  acknowledgeAlertMutation,
  createAlertMutation,
  issueAlertMutation,
  situationAlertsQuery,
} from './situation-alerts.graphql';
import alertStyles from './situation-alerts.module.css';
import styles from './situations.module.css';

type Alert = SituationAlertFieldsFragment;
export type AlertActor = { id: string; name: string; acronym: string | null };
type Feedback = { tone: 'error' | 'info'; text: string } | null;

const isConflict = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'CONFLICT');

type Props = {
  situationId: string;
  initialAlerts: Alert[];
  participants: AlertActor[];
  viewerActorIds: string[];
  mayManage: boolean;
  mayAcknowledge: boolean;
};

/**
 * The situation's alerts: who sent each, to whom, and who has acknowledged it. A liaison officer
 * drafts and issues alerts here; a member of a recipient organisation acknowledges them.
 */
export function SituationAlerts(props: Props) {
  const { situationId, participants, viewerActorIds, mayManage, mayAcknowledge } = props;
  const client = useApolloClient();
  const [alerts, setAlerts] = useState(props.initialAlerts);
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const mine = new Set(viewerActorIds);

  async function reload() {
    try {
      const { data } = await client.query({
        query: situationAlertsQuery,
        variables: { id: situationId },
        fetchPolicy: 'network-only',
      });
      setAlerts(data?.situation?.alerts.edges.map((e) => e.node) ?? []);
    } catch {
      // The feedback already says what happened; the list stays as it was.
    }
  }

  const replace = (next: Alert) =>
    setAlerts((all) =>
      all.some((a) => a.id === next.id) ? all.map((a) => (a.id === next.id ? next : a)) : [next, ...all],
    );

  /** Runs a change; CONFLICT reloads the list and says so, anything else is told in plain words. */
  async function act(key: string, what: string, run: () => Promise<Alert | undefined>, done: string) {
    setBusy(key);
    setFeedback(null);
    try {
      const next = await run();
      if (!next) throw new Error('no answer');
      replace(next);
      setFeedback({ tone: 'info', text: done });
      return true;
    } catch (error) {
      if (isConflict(error)) {
        await reload();
        setFeedback({
          tone: 'info',
          text: `Someone else changed this alert meanwhile, so ${what} was not done. The list has been reloaded: check it and try again if needed.`,
        });
      } else {
        setFeedback({
          tone: 'error',
          text: `${what[0]?.toUpperCase()}${what.slice(1)} failed. ${errorMessage(error)}`,
        });
      }
      return false;
    } finally {
      setBusy(null);
    }
  }

  const issue = (alert: Alert) =>
    act(
      `issue-${alert.id}`,
      'issuing the alert',
      async () =>
        (
          await client.mutate({
            mutation: issueAlertMutation,
            variables: { input: { id: alert.id, expectedVersion: alert.version } },
          })
        ).data?.issueAlert.alert,
      `Issued: "${alert.headline}" has been sent to its recipients.`,
    );

  const acknowledge = (alert: Alert, actor: AlertActor) =>
    act(
      `ack-${alert.id}-${actor.id}`,
      'the acknowledgement',
      async () =>
        (
          await client.mutate({
            mutation: acknowledgeAlertMutation,
            variables: { input: { id: alert.id, actorId: actor.id } },
          })
        ).data?.acknowledgeAlert.alert,
      `Acknowledged for ${shortName(actor)}.`,
    );

  const create = (input: DraftInput) =>
    act(
      'create',
      'saving the draft',
      async () =>
        (
          await client.mutate({
            mutation: createAlertMutation,
            variables: { input: { ...input, situationId } },
          })
        ).data?.createAlert.alert,
      `Draft saved: "${input.headline}". Issue it to send it to its recipients.`,
    );

  return (
    <section className={styles.section} aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <div aria-live="polite">
        {feedback && (
          <p
            className={feedback.tone === 'error' ? styles.error : styles.note}
            role={feedback.tone === 'error' ? 'alert' : 'status'}
          >
            {feedback.text}
          </p>
        )}
      </div>
      {alerts.length === 0 ? (
        <p className={styles.empty}>There is no alert about this situation that you may read.</p>
      ) : (
        <ul className={alertStyles.list} aria-label="Alerts, newest first">
          {alerts.map((alert) => (
            <li key={alert.id} className={alertStyles.alert}>
              <div className={alertStyles.top}>
                <span className={alertStyles.state} data-state={alert.state}>
                  {ALERT_STATE_LABELS[alert.state]}
                </span>
                <h3 className={alertStyles.headline}>{alert.headline}</h3>
              </div>
              <p className={styles.muted}>
                {SEVERITY_LABELS[alert.severity]} · {URGENCY_LABELS[alert.urgency]} ·{' '}
                {CERTAINTY_LABELS[alert.certainty]}
                {' · '}from {alert.senderActor.name}
                {alert.issuedAt ? ` · issued ${formatDateTime(alert.issuedAt)}` : ' · not issued yet'}
              </p>
              {alert.areaDesc && <p className={alertStyles.area}>Area: {alert.areaDesc}</p>}
              <ul className={alertStyles.recipients} aria-label={`Recipients of "${alert.headline}"`}>
                {alert.recipients.length === 0 && <li>No recipient yet.</li>}
                {alert.recipients.map((r) => (
                  <li key={r.actor.id}>
                    {r.actor.name}:{' '}
                    {r.acknowledgedAt
                      ? `acknowledged ${formatDateTime(r.acknowledgedAt)}${r.acknowledgedBy ? ` by ${r.acknowledgedBy.displayName}` : ''}`
                      : 'not acknowledged yet'}
                  </li>
                ))}
              </ul>
              <div className={alertStyles.actions}>
                {alert.state === 'DRAFT' && mayManage && mine.has(alert.senderActor.id) && (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={busy !== null || alert.recipients.length === 0}
                    aria-label={`Issue "${alert.headline}"`}
                    onClick={() => issue(alert)}
                  >
                    {busy === `issue-${alert.id}` ? 'Issuing…' : 'Issue'}
                  </button>
                )}
                {(alert.state === 'ISSUED' || alert.state === 'ESCALATED') &&
                  mayAcknowledge &&
                  alert.recipients
                    .filter((r) => !r.acknowledgedAt && mine.has(r.actor.id))
                    .map((r) => (
                      <button
                        key={r.actor.id}
                        type="button"
                        className="button button-primary"
                        disabled={busy !== null}
                        onClick={() => acknowledge(alert, r.actor)}
                      >
                        {busy === `ack-${alert.id}-${r.actor.id}`
                          ? 'Acknowledging…'
                          : `Acknowledge for ${shortName(r.actor)}`}
                      </button>
                    ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {mayManage && <DraftForm participants={participants} busy={busy !== null} onSubmit={create} />}
    </section>
  );
}

type DraftInput = {
  headline: string;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  areaDesc: string | null;
  recipientIds: string[];
};

function options<T extends string>(labels: Record<T, string>) {
  return (Object.keys(labels) as T[]).map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

/** A small form for a DRAFT alert; recipients are the organisations taking part in the situation's plans. */
function DraftForm(props: {
  participants: AlertActor[];
  busy: boolean;
  onSubmit: (input: DraftInput) => Promise<boolean>;
}) {
  const [headline, setHeadline] = useState('');
  const [urgency, setUrgency] = useState<CapUrgency>('EXPECTED');
  const [severity, setSeverity] = useState<CapSeverity>('SEVERE');
  const [certainty, setCertainty] = useState<CapCertainty>('LIKELY');
  const [areaDesc, setAreaDesc] = useState('');
  const [recipientIds, setRecipientIds] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await props.onSubmit({
      headline: headline.trim(),
      urgency,
      severity,
      certainty,
      areaDesc: areaDesc.trim() || null,
      recipientIds,
    });
    if (saved) {
      setHeadline('');
      setAreaDesc('');
      setRecipientIds([]);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setRecipientIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <form className={alertStyles.form} onSubmit={submit} aria-labelledby="draft-alert-heading">
      <h3 id="draft-alert-heading">Draft an alert</h3>
      <label className={alertStyles.wide}>
        Headline
        <input
          type="text"
          required
          maxLength={160}
          value={headline}
          onChange={(e) => setHeadline(e.target.value)}
        />
      </label>
      <label>
        Urgency
        <select value={urgency} onChange={(e) => setUrgency(e.target.value as CapUrgency)}>
          {options(URGENCY_LABELS)}
        </select>
      </label>
      <label>
        Severity
        <select value={severity} onChange={(e) => setSeverity(e.target.value as CapSeverity)}>
          {options(SEVERITY_LABELS)}
        </select>
      </label>
      <label>
        Certainty
        <select value={certainty} onChange={(e) => setCertainty(e.target.value as CapCertainty)}>
          {options(CERTAINTY_LABELS)}
        </select>
      </label>
      <label className={alertStyles.wide}>
        Area description
        <input
          type="text"
          value={areaDesc}
          placeholder="The situation's areas when left empty"
          onChange={(e) => setAreaDesc(e.target.value)}
        />
      </label>
      <fieldset className={alertStyles.wide}>
        <legend>Recipients</legend>
        {props.participants.length === 0 ? (
          <p className={styles.muted}>No organisation takes part in a plan for this situation yet.</p>
        ) : (
          props.participants.map((actor) => (
            <label key={actor.id} className={alertStyles.check}>
              <input
                type="checkbox"
                checked={recipientIds.includes(actor.id)}
                onChange={(e) => toggle(actor.id, e.target.checked)}
              />
              {actor.name}
            </label>
          ))
        )}
      </fieldset>
      <div className={alertStyles.wide}>
        <button
          type="submit"
          className="button button-primary"
          disabled={props.busy || headline.trim() === ''}
        >
          Save draft
        </button>
      </div>
    </form>
  );
}
