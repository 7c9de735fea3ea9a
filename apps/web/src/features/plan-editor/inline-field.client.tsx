'use client';

import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '@/lib/apollo/error-message';
import { type Conflict, conflictOf } from './conflict';
import { ConflictPanel } from './conflict-panel';
import { useEditor } from './editor-context';
import styles from './plan-editor.module.css';
import { useFocusWhen } from './use-focus-when';

export type Option = { value: string; label: string };

type Props = {
  /** What the field is, e.g. "Plan title"; the edit button says "Edit plan title". */
  label: string;
  value: string;
  /** The field's name in the API's record, to read the winning value from a CONFLICT. */
  field: string;
  version: number;
  /** Presence focus while editing, e.g. "plan:title" or "task:<id>". */
  focus: string;
  kind?: 'text' | 'textarea' | 'select' | 'date';
  options?: readonly Option[];
  required?: boolean;
  canEdit: boolean;
  /** How the value reads when not being edited. */
  children?: ReactNode;
  /** The value is shown elsewhere (the plan title is the page heading): only the edit button here. */
  hideValue?: boolean;
  /** Sends the value with the version it was edited from; throws what the API answered. */
  save(value: string, expectedVersion: number): Promise<unknown>;
};

/**
 * A value that turns into a form in place. Every save carries the version the edit started from;
 * when someone else saved first, the conflict panel shows both values and lets the person keep
 * theirs (sent again on the new version) or take the other.
 */
export function InlineField(props: Props) {
  const {
    label,
    value,
    field,
    version,
    focus,
    kind = 'text',
    options = [],
    required,
    canEdit,
    children,
    hideValue,
    save,
  } = props;
  const editor = useEditor();
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const inputRef = useFocusWhen<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(draft !== null);
  // The version the edit started from: live reloads must not move it, or a save would silently
  // overwrite what someone else saved in the meantime.
  const [base, setBase] = useState(version);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = (v: string) => options.find((o) => o.value === v)?.label ?? v;

  const start = () => {
    setDraft(value);
    setBase(version);
    setError(null);
    editor.setFocus(focus);
  };
  const finish = () => {
    setDraft(null);
    setConflict(null);
    setError(null);
    editor.setFocus(null);
  };

  async function submit(expectedVersion: number) {
    if (draft === null) return;
    if (required && !draft.trim()) {
      setError(`${label} cannot be empty.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save(kind === 'text' || kind === 'textarea' ? draft.trim() : draft, expectedVersion);
      finish();
      editor.announce(`${label} saved.`);
      await editor.reload();
    } catch (caught) {
      const lost = conflictOf(caught);
      if (lost) setConflict(lost);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const takeTheirs = async () => {
    finish();
    editor.announce(`${label}: their value is kept.`);
    await editor.reload();
  };

  if (draft === null) {
    return (
      <div className={styles.field}>
        {!hideValue && (
          <div className={styles.fieldValue}>
            {children ?? (value ? words(value) : <span className={styles.muted}>Not set</span>)}
          </div>
        )}
        {canEdit && (
          <button
            type="button"
            className={styles.editButton}
            onClick={start}
            aria-label={`Edit ${label.toLowerCase()}`}
          >
            Edit
          </button>
        )}
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(base);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') finish();
  };
  const common = {
    id: inputId,
    value: draft,
    disabled: busy || !!conflict,
    ref: inputRef,
    onKeyDown,
    required,
  };
  return (
    <form className={styles.fieldForm} onSubmit={onSubmit}>
      <label htmlFor={inputId} className={styles.fieldLabel}>
        {label}
      </label>
      {kind === 'textarea' ? (
        <textarea {...common} rows={4} onChange={(e) => setDraft(e.target.value)} />
      ) : kind === 'select' ? (
        <select {...common} onChange={(e) => setDraft(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          onChange={(e) => setDraft(e.target.value)}
        />
      )}
      {conflict ? (
        <ConflictPanel
          label={label}
          conflict={conflict}
          theirs={words(String(conflict.current[field] ?? ''))}
          mine={words(draft)}
          busy={busy}
          onKeepMine={() => void submit(conflict.currentVersion)}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : (
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={finish} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
