import type { ReactNode } from 'react';
import styles from '@/features/session/session.module.css';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className={styles.page}>
      {children}
    </main>
  );
}
