'use client';

import styles from '@/features/situations/situations.module.css';

// Last resort for a render fault; query failures are handled in the pages with their own message.
export default function SituationsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className={styles.error} role="alert">
      <p>Something went wrong while showing this situation.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
