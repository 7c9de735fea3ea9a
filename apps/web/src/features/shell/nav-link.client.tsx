'use client';

import type { Route } from 'next';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import styles from './shell.module.css';

/** A main-navigation link that marks itself current on its own page and the pages below it. */
export function NavLink({ href, children }: { href: Route; children: ReactNode }) {
  const pathname = usePathname();
  // Home is current only on itself, or every page would mark it.
  const current = pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} className={styles.navLink} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
