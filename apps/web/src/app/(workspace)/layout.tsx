import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { signInHref } from '@/features/session/safe-next';
import { getViewer } from '@/features/session/viewer';
import { AppHeader } from '@/features/shell/app-header';
import styles from '@/features/shell/shell.module.css';

/** Public pages of the workspace; everything else needs a session (see src/proxy.ts). */
const isPublic = (path: string) =>
  path === '/actors' || path.startsWith('/actors/') || path.startsWith('/actors?');

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { viewer, unavailable } = await getViewer();
  const path = (await headers()).get('x-concord-path') ?? '/';
  // A session cookie that has expired reaches here: the API answers as for nobody.
  if (!viewer && !unavailable && !isPublic(path)) redirect(signInHref(path));
  return (
    <>
      <AppHeader viewer={viewer} />
      {unavailable && (
        <p className={styles.banner} role="alert">
          The Concord service is not reachable right now, so some things cannot be shown. Try again in a
          moment.
        </p>
      )}
      <main id="main" className={styles.main}>
        {children}
      </main>
    </>
  );
}
