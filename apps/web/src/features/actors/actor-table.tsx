import Link from 'next/link';
import type { ActorRowFragment } from '@/gql/graphql';
import { actorHref } from './actor-href';
import { ACTOR_KIND_LABELS } from './actor-kinds';
import styles from './actors.module.css';

/** The actors table; no state of its own, so server and client components can both render it. */
export function ActorTable({ actors, caption }: { actors: readonly ActorRowFragment[]; caption: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Acronym</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((actor) => (
            <tr key={actor.id}>
              <th scope="row">
                <Link href={actorHref(actor.id)}>{actor.name}</Link>
              </th>
              <td>
                {actor.acronym ?? (
                  <>
                    <span aria-hidden="true" className={styles.none}>
                      —
                    </span>
                    <span className="visually-hidden">none</span>
                  </>
                )}
              </td>
              <td>
                {/* A kind added to the API before this app is regenerated still shows, unlabelled. */}
                <span className={styles.kind}>{ACTOR_KIND_LABELS[actor.kind] ?? actor.kind}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
