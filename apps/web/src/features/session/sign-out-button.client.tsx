'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { SignOutDocument } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import styles from './session.module.css';

/** Ends the session, then reloads at the sign-in page so nothing of the session stays in memory. */
export function SignOutButton() {
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function click() {
    setError(null);
    try {
      await signOut();
      setDone(true);
      window.location.assign('/sign-in');
    } catch (caught) {
      setError(`You are still signed in. ${errorMessage(caught)}`);
    }
  }

  return (
    <>
      <button
        type="button"
        className={styles.signOut}
        onClick={click}
        disabled={loading || done}
        aria-busy={loading || done}
      >
        {loading || done ? 'Signing out…' : 'Sign out'}
      </button>
      {error && (
        <span className={styles.signOutError} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
