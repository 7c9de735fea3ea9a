import type { Metadata } from 'next';
import styles from '@/features/home/home.module.css';
import { HomeAlerts } from '@/features/home/home-alerts';
import { HomeAssignments } from '@/features/home/home-assignments';
import { HomeDeadlines } from '@/features/home/home-deadlines';
import { HomePlans } from '@/features/home/home-plans';
import { HomeSection } from '@/features/home/home-section';
import { HomeSituations } from '@/features/home/home-situations';
import { may, organisationLabel, primaryMembership, requireViewer } from '@/features/session/viewer';
import { todayLocalDate } from '@/lib/format/dates';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const { viewer } = await requireViewer('/');
  const membership = primaryMembership(viewer);
  const today = todayLocalDate();
  const answers = may(viewer, 'assignment.respond');
  const org = membership ? organisationLabel(membership.actor) : null;
  return (
    <>
      <div className={styles.heading}>
        <h1>{viewer?.user ? `Welcome, ${viewer.user.displayName}` : 'Home'}</h1>
        <p>
          What needs attention{org ? ` for ${org}` : ''}: situations, alerts, plans, answers and deadlines.
        </p>
      </div>
      <div className={styles.grid}>
        <HomeSection
          id="situations"
          title="Situations"
          more={{ href: '/situations', label: 'All situations' }}
          loading="Loading situations…"
        >
          <HomeSituations />
        </HomeSection>
        <HomeSection id="alerts" title="Open alerts" loading="Loading alerts…">
          <HomeAlerts />
        </HomeSection>
        {viewer && membership && (
          <>
            <HomeSection
              id="waiting"
              title={`Waiting for ${org}'s answer`}
              more={answers ? { href: '/assignments', label: 'My assignments' } : undefined}
              loading="Loading assignments…"
            >
              <HomeAssignments membership={membership} today={today} answers={answers} />
            </HomeSection>
            <HomeSection id="deadlines" title="Coming up" loading="Loading deadlines…">
              <HomeDeadlines membership={membership} today={today} answers={answers} />
            </HomeSection>
            <HomeSection
              id="plans"
              title={`${org}'s plans`}
              more={{ href: '/plans', label: 'All plans' }}
              loading="Loading plans…"
            >
              <HomePlans viewer={viewer} membership={membership} />
            </HomeSection>
          </>
        )}
      </div>
    </>
  );
}
