import Link from 'next/link';
import type { ActorLinkFragment } from '@/gql/graphql';
import { actorHref } from './actor-href';
import styles from './actor-page.module.css';
import type { ActorPageActor } from './actor-page.types';

function Name({ actor }: { actor: ActorLinkFragment }) {
  return (
    <>
      {actor.name}
      {actor.acronym && actor.acronym !== actor.name ? ` (${actor.acronym})` : ''}
    </>
  );
}

/**
 * Where the actor sits in the tree: its ancestors from the root down, itself, then the bodies
 * directly under it. `ancestors` are nearest first, as the API walks them.
 */
export function ActorHierarchy({
  actor,
  ancestors,
}: {
  actor: ActorPageActor;
  ancestors: readonly ActorLinkFragment[];
}) {
  const chain = [...ancestors].reverse();
  const children = actor.children.edges.map((edge) => edge.node);
  const more = actor.children.totalCount - children.length;

  return (
    <section className={styles.hierarchy} aria-labelledby="hierarchy-heading">
      <h2 id="hierarchy-heading">Place in the hierarchy</h2>
      {chain.length === 0 && children.length === 0 ? (
        <p className={styles.muted}>{actor.name} has no parent body and no bodies under it.</p>
      ) : (
        <ol className={styles.tree}>
          {chain.map((ancestor, depth) => (
            <li key={ancestor.id} style={{ paddingLeft: `${depth * 1.5}rem` }}>
              {depth > 0 && (
                <span className={styles.branch} aria-hidden="true">
                  └
                </span>
              )}
              <Link href={actorHref(ancestor.id)}>
                <Name actor={ancestor} />
              </Link>
            </li>
          ))}
          <li style={{ paddingLeft: `${chain.length * 1.5}rem` }}>
            {chain.length > 0 && (
              <span className={styles.branch} aria-hidden="true">
                └
              </span>
            )}
            <strong aria-current="page">
              <Name actor={actor} />
            </strong>
            {children.length > 0 && (
              <>
                <span className="visually-hidden">, with these bodies under it:</span>
                <ul className={styles.children} style={{ paddingLeft: `${1.5}rem` }}>
                  {children.map((child) => (
                    <li key={child.id}>
                      <span className={styles.branch} aria-hidden="true">
                        └
                      </span>
                      <Link href={actorHref(child.id)}>
                        <Name actor={child} />
                      </Link>
                    </li>
                  ))}
                  {more > 0 && <li className={styles.muted}>and {more} more</li>}
                </ul>
              </>
            )}
          </li>
        </ol>
      )}
    </section>
  );
}
