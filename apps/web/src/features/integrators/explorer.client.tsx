'use client';

import dynamic from 'next/dynamic';
import styles from './integrators.module.css';

// GraphiQL and its editor are loaded in the browser only, and only on this page.
const ExplorerGraphiQL = dynamic(() => import('./explorer-graphiql.client'), {
  ssr: false,
  loading: () => (
    <p className={styles.explorerLoading} role="status">
      Loading the explorer…
    </p>
  ),
});

export function Explorer() {
  return (
    <div className={styles.explorer}>
      <ExplorerGraphiQL />
    </div>
  );
}
