import type { Route } from 'next';
import Link from 'next/link';
import { type ReactNode, Suspense } from 'react';
import styles from './home.module.css';

type Props = {
  id: string;
  title: string;
  more?: { href: Route; label: string };
  loading: string;
  children: ReactNode;
};

/** One panel of the home page; its body streams in on its own, so a slow panel holds no other. */
export function HomeSection({ id, title, more, loading, children }: Props) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.sectionHead}>
        <h2 id={id}>{title}</h2>
        {more && (
          <Link href={more.href} className={styles.more}>
            {more.label}
          </Link>
        )}
      </div>
      <Suspense fallback={<p className={styles.loading}>{loading}</p>}>{children}</Suspense>
    </section>
  );
}

export function SectionError({ what, message }: { what: string; message: string }) {
  return (
    <p className={styles.error} role="alert">
      {what} could not be loaded. {message}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}
