import { getViewer, may } from '@/features/session/viewer';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { type AlertActor, SituationAlerts } from './situation-alerts.client';
import { situationAlertsQuery } from './situation-alerts.graphql';
import styles from './situations.module.css';

/** The alerts section, loaded on its own so that a failure here leaves the rest of the page standing. */
export async function SituationAlertsSection({ situationId }: { situationId: string }) {
  const [{ viewer }, loaded] = await Promise.all([getViewer(), load(situationId)]);
  if ('error' in loaded) {
    return (
      <section className={styles.section} aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <div className={styles.error} role="alert">
          <p>The alerts could not be loaded. {loaded.error}</p>
        </div>
      </section>
    );
  }
  return (
    <SituationAlerts
      situationId={situationId}
      initialAlerts={loaded.alerts}
      participants={loaded.participants}
      viewerActorIds={(viewer?.memberships ?? []).map((m) => m.actor.id)}
      mayManage={may(viewer, 'alert.manage')}
      mayAcknowledge={may(viewer, 'alert.acknowledge')}
    />
  );
}

async function load(id: string) {
  try {
    const { data } = await query({ query: situationAlertsQuery, variables: { id }, fetchPolicy: 'no-cache' });
    const alerts = data?.situation?.alerts.edges.map((e) => e.node) ?? [];
    const byId = new Map<string, AlertActor>();
    for (const { node: plan } of data?.responsePlans.edges ?? []) {
      byId.set(plan.leadActor.id, plan.leadActor);
      for (const p of plan.participants) byId.set(p.actor.id, p.actor);
    }
    const participants = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { alerts, participants };
  } catch (error) {
    console.error('situation page: the alerts query failed', error);
    return { error: errorMessage(error) };
  }
}
