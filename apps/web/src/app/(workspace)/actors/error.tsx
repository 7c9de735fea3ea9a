'use client';

import styles from '@/features/actors/actors.module.css';

// Last resort for a render fault; query failures are handled in the page with their own message.
export default function ActorsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className={styles.error} role="alert">
      <p>Something went wrong while showing the actors.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
