'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import styles from './integrators.module.css';

/** The token's secret, shown this once: the API keeps only a fingerprint of it. */
export function NewTokenSecret({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  useEffect(() => panelRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // Without clipboard access, select the text so Ctrl+C (or ⌘C) copies it.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied('failed');
    }
  }

  return (
    <section ref={panelRef} className={styles.secret} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>Token “{name}” created</h2>
      <p className={styles.warning}>
        <strong>Copy it now: it is shown only this once.</strong> Concord keeps only a fingerprint of it, so
        it cannot be shown again. Store it where the system that uses it keeps its secrets. Anyone who has it
        can act for your organisation within its scopes.
      </p>
      <p className={styles.secretLine}>
        <span id={`${id}-label`}>Your new token:</span>
        <code ref={codeRef} id={`${id}-secret`}>
          {secret}
        </code>
      </p>
      <div className={styles.secretActions}>
        <button type="button" className="button button-primary" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="button" onClick={onDone}>
          I have stored it
        </button>
        <span role="status" className={styles.help}>
          {copied === 'yes' && 'Copied.'}
          {copied === 'failed' &&
            'It could not be copied automatically: it is selected, press Ctrl+C (or ⌘C) to copy it.'}
        </span>
      </div>
      <p className={styles.help}>
        Send it as <code>Authorization: Bearer …</code> with each request, or try it in the{' '}
        <Link href="/integrators/explorer">GraphQL explorer</Link>.
      </p>
    </section>
  );
}
