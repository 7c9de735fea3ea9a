import type { Metadata } from 'next';
import { Explorer } from '@/features/integrators/explorer.client';
import styles from '@/features/integrators/integrators.module.css';
import { requireViewer } from '@/features/session/viewer';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'GraphQL explorer' };

export default async function ExplorerPage() {
  await requireViewer('/integrators/explorer');
  return (
    <>
      <div className={styles.heading}>
        <h1>GraphQL explorer</h1>
      </div>
      <p className={styles.explorerIntro}>
        Try the API as your systems will use it. Queries run as you; to run them as a token, paste it into the
        Headers editor as <code>{'{"Authorization": "Bearer cnc_…"}'}</code>. The Docs panel describes every
        type and field. Headers are not stored.
      </p>
      <Explorer />
    </>
  );
}
