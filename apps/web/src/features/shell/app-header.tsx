import type { Route } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/features/session/sign-out-button.client';
import { may, organisationLabel, ROLE_LABELS, type Viewer } from '@/features/session/viewer';
import { NavLink } from './nav-link.client';
import styles from './shell.module.css';

type NavItem = { href: Route; label: string; show: boolean };

function navItems(viewer: Viewer | null): NavItem[] {
  const signedIn = !!viewer;
  return [
    { href: '/', label: 'Home', show: signedIn },
    { href: '/actors', label: 'Actors', show: true },
    { href: '/situations', label: 'Situations', show: signedIn },
    { href: '/plans', label: 'Plans', show: signedIn },
    // Only people who answer their organisation's assignments get the partner view.
    { href: '/assignments', label: 'My assignments', show: may(viewer, 'assignment.respond') },
    { href: '/integrators', label: 'Integrators', show: may(viewer, 'token.manage') },
  ];
}

/** Who is signed in, for which organisation and in which role. */
function Identity({ viewer }: { viewer: Viewer }) {
  const membership = viewer.memberships[0];
  const others = viewer.memberships.length - 1;
  return (
    <p className={styles.identity}>
      <span className={styles.name}>{viewer.user?.displayName ?? 'Integrator token'}</span>
      {membership && (
        <span className={styles.org}>
          <abbr title={membership.actor.name}>{organisationLabel(membership.actor)}</abbr>
          {' · '}
          {ROLE_LABELS[membership.role] ?? membership.role}
          {others > 0 && ` (and ${others} other organisation${others === 1 ? '' : 's'})`}
        </span>
      )}
    </p>
  );
}

/** The workspace header: product name, the main navigation, and who is signed in. */
export function AppHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href={viewer ? '/' : '/actors'} className={styles.brand}>
          Concord
        </Link>
        <nav aria-label="Main" className={styles.navWrap}>
          <ul className={styles.nav}>
            {navItems(viewer)
              .filter((item) => item.show)
              .map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href}>{item.label}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className={styles.account}>
          {viewer ? (
            <>
              <Identity viewer={viewer} />
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className="button">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
