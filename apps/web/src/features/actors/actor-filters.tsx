import type { FormEvent } from 'react';
import type { ActorKind } from '@/gql/graphql';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, isActorKind } from './actor-kinds';
import styles from './actors.module.css';

type Props = {
  text: string;
  kind: ActorKind | null;
  onTextChange: (text: string) => void;
  onKindChange: (kind: ActorKind | null) => void;
  onSubmit: () => void;
};

/** Search box and kind filter; controlled, so the route decides how they reach the URL. */
export function ActorFilters({ text, kind, onTextChange, onKindChange, onSubmit }: Props) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form role="search" aria-label="Actors" className={styles.filters} onSubmit={submit}>
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
    </form>
  );
}
