import type { ReactNode } from 'react';
import { countryName } from '@/lib/format/country';
import { ACTOR_KIND_LABELS } from './actor-kinds';
import styles from './actor-page.module.css';
import type { ActorPageActor } from './actor-page.types';

/** Only http(s) websites become links; anything else is shown as text. */
function safeUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function Missing() {
  return <span className={styles.muted}>Not recorded</span>;
}

/** The actor's heading and registry facts; `aside` sits beside the facts on wide screens. */
export function ActorProfile({ actor, aside }: { actor: ActorPageActor; aside?: ReactNode }) {
  const website = actor.website ? safeUrl(actor.website) : null;
  return (
    <header className={styles.profile}>
      <p className={styles.kindBadge}>{ACTOR_KIND_LABELS[actor.kind] ?? actor.kind}</p>
      <h1>
        {actor.name}
        {actor.acronym && <span className={styles.acronym}> ({actor.acronym})</span>}
      </h1>
      {actor.description && <p className={styles.description}>{actor.description}</p>}
      <div className={styles.overviewGrid}>
        <dl className={styles.facts}>
          <div>
            <dt>Acronym</dt>
            <dd>{actor.acronym ?? <Missing />}</dd>
          </div>
          <div>
            <dt>Kind</dt>
            <dd>{ACTOR_KIND_LABELS[actor.kind] ?? actor.kind}</dd>
          </div>
          <div>
            <dt>Country</dt>
            <dd>{actor.countryCode ? countryName(actor.countryCode) : <Missing />}</dd>
          </div>
          <div>
            <dt>Region</dt>
            <dd>{actor.region ?? <Missing />}</dd>
          </div>
          <div>
            <dt>Website</dt>
            <dd>
              {website ? (
                <a href={website} rel="noopener noreferrer external">
                  {website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              ) : (
                (actor.website ?? <Missing />)
              )}
            </dd>
          </div>
        </dl>
        {aside}
      </div>
    </header>
  );
}
