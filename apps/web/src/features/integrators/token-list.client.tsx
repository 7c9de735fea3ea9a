'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { type ApiTokenRowFragment, RevokeApiTokenDocument } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDateTime } from '@/lib/format/dates';
import styles from './integrators.module.css';
import { scopeLabel } from './token-scopes';

type Props = { tokens: ApiTokenRowFragment[]; now: string; onChange: (token: ApiTokenRowFragment) => void };

function stateOf(token: ApiTokenRowFragment, now: string): { text: string; active: boolean } {
  if (token.revokedAt) return { text: `Revoked ${formatDateTime(token.revokedAt)}`, active: false };
  if (token.expiresAt <= now) return { text: 'Expired', active: false };
  return { text: 'Active', active: true };
}

/** A revoke asks once more, naming the token, since systems using it stop at once. */
function RevokeButton({ token, onChange }: { token: ApiTokenRowFragment; onChange: Props['onChange'] }) {
  const [revoke, { loading }] = useMutation(RevokeApiTokenDocument);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    try {
      const { data } = await revoke({ variables: { input: { id: token.id } } });
      if (!data) throw new Error('no answer');
      onChange(data.revokeApiToken.apiToken);
    } catch (caught) {
      setError(`Not revoked. ${errorMessage(caught)}`);
    }
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-danger"
        onClick={() => setConfirming(true)}
        aria-label={`Revoke ${token.name}`}
      >
        Revoke
      </button>
    );
  }
  return (
    <div className={styles.confirm}>
      <span>Systems using it stop working at once.</span>
      <button
        type="button"
        className="button button-danger"
        onClick={confirm}
        disabled={loading}
        aria-busy={loading}
      >
        {loading ? 'Revoking…' : `Revoke “${token.name}”`}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)} disabled={loading}>
        Keep it
      </button>
      {error && (
        <span className={styles.fieldError} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Every token of the viewer's organisations: what it may do, when it was last used, and whether it still works. */
export function TokenList({ tokens, now, onChange }: Props) {
  if (tokens.length === 0) {
    return (
      <p className={styles.empty}>
        Your organisation has no tokens yet. Create one to let another system query Concord.
      </p>
    );
  }
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Integrator tokens, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">May</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = stateOf(token, now);
            return (
              <tr key={token.id} data-active={state.active || undefined}>
                <th scope="row">
                  {token.name}
                  <span className={styles.sub}>{token.actor.acronym ?? token.actor.name}</span>
                </th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.scopes.map(scopeLabel).join(', ')}</td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>{formatDateTime(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                <td>{state.text}</td>
                <td>{state.active && <RevokeButton token={token} onChange={onChange} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
