import type { ReactNode } from 'react';
import { AppHeader } from '@/features/shell/app-header';
import styles from '@/features/shell/shell.module.css';

export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <main id="main" className={styles.main}>
        {children}
      </main>
    </>
  );
}
