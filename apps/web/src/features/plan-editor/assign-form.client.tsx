'use client';

import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { AssignmentRole } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { ActorPicker, type PickedActor } from './actor-picker.client';
import { useEditor } from './editor-context';
import { ASSIGNMENT_ROLE_OPTIONS } from './options';
import { assignTaskMutation } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { EditorTask } from './plan-editor.types';

/** The end of a chosen day, in the person's own time zone, as the API's DateTimeISO. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:00`).toISOString();
}

/** Proposes the task to an organisation, with a role and a date to answer by. */
export function AssignForm({ task }: { task: EditorTask }) {
  const editor = useEditor();
  const id = useId();
  const [assign, { loading }] = useMutation(assignTaskMutation);
  const [open, setOpen] = useState(false);
  const [actor, setActor] = useState<PickedActor | null>(null);
  const [role, setRole] = useState<AssignmentRole>('LEAD');
  const [respondBy, setRespondBy] = useState('');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setActor(null);
    setError(null);
    setRespondBy('');
    editor.setFocus(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!actor) {
      setError('Choose an organisation from the list.');
      return;
    }
    setError(null);
    try {
      await assign({
        variables: {
          input: {
            taskId: task.id,
            actorId: actor.id,
            role,
            respondBy: respondBy ? endOfDay(respondBy) : null,
          },
        },
      });
      editor.announce(`“${task.title}” proposed to ${actor.acronym ?? actor.name}.`);
      close();
      await editor.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className={styles.linkButton}
        onClick={() => {
          setOpen(true);
          editor.setFocus(`task:${task.id}`);
        }}
        aria-label={`Assign “${task.title}” to an organisation`}
      >
        + Assign to an organisation
      </button>
    );
  }
  return (
    <form className={styles.assignForm} onSubmit={onSubmit} aria-label={`Assign “${task.title}”`}>
      <ActorPicker value={actor} onChange={setActor} />
      <div>
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as AssignmentRole)}>
          {ASSIGNMENT_ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-respond`}>Answer by</label>
        <input
          id={`${id}-respond`}
          type="date"
          value={respondBy}
          onChange={(e) => setRespondBy(e.target.value)}
        />
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={loading}>
          {loading ? 'Proposing…' : 'Propose'}
        </button>
        <button type="button" onClick={close} disabled={loading}>
          Cancel
        </button>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
