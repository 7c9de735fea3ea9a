import type { FormEvent } from 'react';
import type { ActorKind } from '@/gql/graphql';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, isActorKind } from './actor-kinds';
import { ACTOR_REGIONS, type ActorRegion, isActorRegion } from './actor-regions';
import styles from './actors.module.css';

type Props = {
  text: string;
  kind: ActorKind | null;
  region: ActorRegion | null;
  onTextChange: (text: string) => void;
  onKindChange: (kind: ActorKind | null) => void;
  onRegionChange: (region: ActorRegion | null) => void;
  onSubmit: () => void;
};

/** Search box, kind and region filters; controlled, so the route decides how they reach the URL. */
export function ActorFilters({
  text,
  kind,
  region,
  onTextChange,
  onKindChange,
  onRegionChange,
  onSubmit,
}: Props) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <search aria-label="Actors">
      <form className={styles.filters} onSubmit={submit}>
        <div className={styles.field}>
          <label htmlFor="actor-search">Search by name or acronym</label>
          <input
            id="actor-search"
            type="search"
            name="q"
            value={text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onTextChange(event.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor="actor-kind">Kind</label>
          <select
            id="actor-kind"
            name="kind"
            value={kind ?? ''}
            onChange={(event) => onKindChange(isActorKind(event.target.value) ? event.target.value : null)}
          >
            <option value="">All kinds</option>
            {ACTOR_KINDS.map((value) => (
              <option key={value} value={value}>
                {ACTOR_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="actor-region">Region</label>
          <select
            id="actor-region"
            name="region"
            value={region ?? ''}
            onChange={(event) =>
              onRegionChange(isActorRegion(event.target.value) ? event.target.value : null)
            }
          >
            <option value="">All regions</option>
            {ACTOR_REGIONS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
