'use client';

import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { SignInDocument } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import styles from './session.module.css';

/** Plain words for a refused sign-in; the API's own words only where they are meant for people. */
export function signInErrorText(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'The email or password is not right. Check both and try again.';
    if (code === 'RATE_LIMITED') {
      const seconds = Number(first?.extensions?.retryAfterSeconds);
      const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
      return `Too many sign-in attempts. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`;
    }
  }
  return errorMessage(error);
}

type FieldErrors = { email?: string; password?: string };

/** Email and password; on success the whole app reloads at `next`, signed in. */
export function SignInForm({ next }: { next: string }) {
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const problems: FieldErrors = {};
    if (!email) problems.email = 'Enter your email address.';
    if (!password) problems.password = 'Enter your password.';
    setFieldErrors(problems);
    setError(null);
    if (problems.email) return emailRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    try {
      await signIn({ variables: { input: { email, password } } });
      setDone(true);
      // A full load: every server page and the browser cache start over as the signed-in person.
      window.location.assign(next);
    } catch (caught) {
      setError(signInErrorText(caught));
      passwordRef.current?.select();
    }
  }

  const busy = loading || done;
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-describedby={error ? `${id}-error` : undefined}
    >
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          ref={emailRef}
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          maxLength={320}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
        />
        {fieldErrors.email && (
          <p id={`${id}-email-error`} className={styles.fieldError}>
            {fieldErrors.email}
          </p>
        )}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={1000}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
        />
        {fieldErrors.password && (
          <p id={`${id}-password-error`} className={styles.fieldError}>
            {fieldErrors.password}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
