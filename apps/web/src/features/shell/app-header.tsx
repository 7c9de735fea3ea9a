import Link from 'next/link';
import { NavLink } from './nav-link.client';
import styles from './shell.module.css';

/** The workspace header: product name and the main navigation. */
export function AppHeader() {
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href="/" className={styles.brand}>
          Concord
        </Link>
        <nav aria-label="Main">
          <ul className={styles.nav}>
            <li>
              <NavLink href="/actors">Actors</NavLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
