'use client';

import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useRef, useState } from 'react';
import {
  type ApiTokenRowFragment,
  CreateApiTokenDocument,
  type MembershipRole,
  type TokenScope,
} from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import styles from './integrators.module.css';
import { mayGrantWrite, SCOPES } from './token-scopes';

export type Organisation = { id: string; name: string; role: MembershipRole };

type Props = {
  organisations: Organisation[];
  admin: boolean;
  onCreated: (token: ApiTokenRowFragment, secret: string) => void;
};

const DEFAULT_DAYS = 90;

/** Name, organisation, scopes and lifetime of a new token; the secret goes up to be shown once. */
export function CreateTokenForm({ organisations, admin, onCreated }: Props) {
  const id = useId();
  const [create, { loading }] = useMutation(CreateApiTokenDocument);
  const [orgId, setOrgId] = useState(organisations[0]?.id ?? '');
  const [problems, setProblems] = useState<{ name?: string; scopes?: string; days?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const org = organisations.find((o) => o.id === orgId) ?? organisations[0];
  const writable = admin || (org ? mayGrantWrite(org.role) : false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    const scopes = form.getAll('scopes').map(String) as TokenScope[];
    const days = Number(form.get('expiresInDays'));
    const found: typeof problems = {};
    if (!name) found.name = 'Name the token after the system that will use it.';
    if (scopes.length === 0) found.scopes = 'Choose at least one thing the token may do.';
    if (!Number.isInteger(days) || days < 1 || days > 365)
      found.days = 'Choose a whole number of days from 1 to 365.';
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      if (found.name) nameRef.current?.focus();
      return;
    }
    try {
      const { data } = await create({
        variables: { input: { name, scopes, expiresInDays: days, actorId: org?.id } },
      });
      if (!data) throw new Error('no answer');
      formElement.reset();
      onCreated(data.createApiToken.apiToken, data.createApiToken.secret);
    } catch (caught) {
      setError(`The token was not created. ${errorMessage(caught)}`);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Create a token</h2>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          name="name"
          type="text"
          maxLength={100}
          placeholder="e.g. IGAD early-warning sync"
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={problems.name ? `${id}-name-problem` : undefined}
        />
        {problems.name && (
          <p id={`${id}-name-problem`} className={styles.fieldError}>
            {problems.name}
          </p>
        )}
      </div>
      {organisations.length > 1 && (
        <div className={styles.field}>
          <label htmlFor={`${id}-org`}>Acts for</label>
          <select id={`${id}-org`} value={orgId} onChange={(event) => setOrgId(event.target.value)}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset
        className={styles.scopes}
        aria-invalid={problems.scopes ? true : undefined}
        aria-describedby={problems.scopes ? `${id}-scopes-problem` : undefined}
      >
        <legend>What the token may do</legend>
        {SCOPES.map((s) => {
          const disabled = s.scope === 'WRITE_ASSIGNMENTS' && !writable;
          return (
            <div key={s.scope} className={styles.scope}>
              <input
                id={`${id}-${s.scope}`}
                type="checkbox"
                name="scopes"
                value={s.scope}
                defaultChecked={s.scope === 'READ_GRAPH'}
                disabled={disabled}
                aria-describedby={`${id}-${s.scope}-help`}
              />
              <label htmlFor={`${id}-${s.scope}`}>
                {s.label} <code>{s.wire}</code>
              </label>
              <p id={`${id}-${s.scope}-help`} className={styles.help}>
                {disabled ? 'Only liaison officers and partners may give a token this. ' : ''}
                {s.explanation}
              </p>
            </div>
          );
        })}
        {problems.scopes && (
          <p id={`${id}-scopes-problem`} className={styles.fieldError}>
            {problems.scopes}
          </p>
        )}
      </fieldset>
      <div className={styles.field}>
        <label htmlFor={`${id}-days`}>Expires after (days)</label>
        <input
          id={`${id}-days`}
          name="expiresInDays"
          type="number"
          min={1}
          max={365}
          step={1}
          defaultValue={DEFAULT_DAYS}
          className={styles.days}
          aria-invalid={problems.days ? true : undefined}
          aria-describedby={`${id}-days-help${problems.days ? ` ${id}-days-problem` : ''}`}
        />
        <p id={`${id}-days-help`} className={styles.help}>
          From 1 to 365 days. A token stops working when it expires or is revoked.
        </p>
        {problems.days && (
          <p id={`${id}-days-problem`} className={styles.fieldError}>
            {problems.days}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={loading} aria-busy={loading}>
          {loading ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
