'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import type { PlanHistoryQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDateTime } from '@/lib/format/dates';
import { conflictOf } from './conflict';
import { useEditor } from './editor-context';
import { planHistoryQuery, restoreRevisionFieldMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';
import { entityWords, fieldWords, isRestorable, kindWords, valueWords } from './revision-text';

type Revision = PlanHistoryQuery['responsePlan']['history']['edges'][number]['node'];
type Change = { before?: unknown; after?: unknown };

const PAGE = 25;

function entityName(revision: Revision): string {
  const entity = revision.entity;
  if (!entity) return '(since deleted)';
  if ('title' in entity && typeof entity.title === 'string') return `“${entity.title}”`;
  if ('actor' in entity && entity.actor) return `of ${entity.actor.acronym ?? entity.actor.name}`;
  return '';
}

/** Every change to the plan, newest first, with each field's before and after, and a way back. */
export function HistoryPanel({
  planId,
  stamp,
  tasks,
}: {
  planId: string;
  stamp: number;
  tasks: readonly EditorTask[];
}) {
  const client = useApolloClient();
  const editor = useEditor();
  const [restore] = useMutation(restoreRevisionFieldMutation);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [total, setTotal] = useState(0);
  const [size, setSize] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    try {
      const { data } = await client.query({
        query: planHistoryQuery,
        variables: { id: planId, first: size },
        fetchPolicy: 'network-only',
      });
      if (!data) return;
      setRevisions(data.responsePlan.history.edges.map((e) => e.node));
      setTotal(data.responsePlan.history.totalCount);
      setError(null);
    } catch (caught) {
      setError(`The history could not be loaded. ${errorMessage(caught)}`);
    }
  }, [client, planId, size]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` changes when the plan changed; the history is read again.
  useEffect(() => {
    void load();
  }, [load, stamp]);

  async function onRestore(revision: Revision, field: string) {
    const key = `${revision.id}:${field}`;
    const version = revision.entity && 'version' in revision.entity ? revision.entity.version : null;
    if (typeof version !== 'number') return;
    setBusy(key);
    try {
      const { data } = await restore({
        variables: { input: { revisionId: revision.id, field, expectedVersion: version } },
      });
      const text = data?.restoreRevisionField.revision ? 'Restored.' : 'It already had this value.';
      setFeedback((f) => ({ ...f, [key]: text }));
      editor.announce(`${fieldWords(field)} restored.`);
      await editor.reload();
    } catch (caught) {
      const text = conflictOf(caught)
        ? 'It has changed again since this list was loaded; the list is now up to date, try again.'
        : errorMessage(caught);
      setFeedback((f) => ({ ...f, [key]: text }));
      await load();
    } finally {
      setBusy(null);
    }
  }

  if (error) {
    return (
      <p className={styles.error} role="alert">
        {error}
      </p>
    );
  }
  if (!revisions) return <p className={styles.muted}>Loading the history…</p>;
  return (
    <section className={styles.section} aria-labelledby="history-heading">
      <h2 id="history-heading">
        History <span className={styles.count}>({total} changes)</span>
      </h2>
      {revisions.length === 0 && <p className={styles.empty}>No change has been recorded yet.</p>}
      <ol className={styles.history}>
        {revisions.map((revision) => {
          const fields = Object.entries(revision.fields as Record<string, Change>);
          const who = revision.user?.displayName ?? 'The system';
          const orgName = revision.actor ? (revision.actor.acronym ?? revision.actor.name) : '';
          // Display names often carry the organisation already ("… (AU liaison)").
          const org = orgName && !who.includes(orgName) ? ` (${orgName})` : '';
          const restorable =
            revision.kind === 'UPDATE' &&
            !!revision.entity &&
            'version' in revision.entity &&
            fields.some(([field]) => isRestorable(revision.entityType, field));
          return (
            <li key={revision.id} className={styles.revision}>
              <p className={styles.revisionHead}>
                <strong>
                  {who}
                  {org}
                </strong>{' '}
                {kindWords(revision.kind)} the {entityWords(revision.entityType)} {entityName(revision)}
                <time className={styles.muted} dateTime={revision.occurredAt}>
                  {' · '}
                  {formatDateTime(revision.occurredAt)}
                </time>
              </p>
              {fields.length > 0 && (
                <table className={styles.diff}>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                      {restorable && (
                        <th scope="col">
                          <span className="visually-hidden">Action</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map(([field, change]) => {
                      const key = `${revision.id}:${field}`;
                      return (
                        <tr key={field}>
                          <th scope="row">{fieldWords(field)}</th>
                          <td className={styles.before}>{valueWords(change?.before, tasks)}</td>
                          <td className={styles.after}>{valueWords(change?.after, tasks)}</td>
                          {restorable && (
                            <td>
                              {isRestorable(revision.entityType, field) && (
                                <button
                                  type="button"
                                  className={styles.linkButton}
                                  disabled={busy === key}
                                  onClick={() => void onRestore(revision, field)}
                                  aria-label={`Restore ${fieldWords(field).toLowerCase()} to ${valueWords(change?.before, tasks)}`}
                                >
                                  Restore this value
                                </button>
                              )}
                              {feedback[key] && (
                                <span className={styles.muted} role="status">
                                  {' '}
                                  {feedback[key]}
                                </span>
                              )}
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
      {revisions.length < total && (
        <button type="button" onClick={() => setSize((s) => Math.min(s + PAGE, 100))} disabled={size >= 100}>
          Show older changes
        </button>
      )}
    </section>
  );
}
