'use client';

import { type ReactNode, useState } from 'react';
import type { ApiTokenRowFragment } from '@/gql/graphql';
import { CreateTokenForm, type Organisation } from './create-token-form.client';
import styles from './integrators.module.css';
import { NewTokenSecret } from './new-token-secret.client';
import { TokenList } from './token-list.client';

type Props = {
  initial: ApiTokenRowFragment[];
  organisations: Organisation[];
  admin: boolean;
  now: string;
  /** Shown beside the form while no new secret is. */
  aside: ReactNode;
};

/** Creating, listing and revoking tokens; a new token's secret is shown above the list until dismissed. */
export function IntegratorsPanel({ initial, organisations, admin, now, aside }: Props) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <>
      <div className={styles.layout}>
        <CreateTokenForm
          organisations={organisations}
          admin={admin}
          onCreated={(token, secret) => {
            setTokens((all) => [token, ...all.filter((t) => t.id !== token.id)]);
            setCreated({ name: token.name, secret });
          }}
        />
        {created ? (
          <NewTokenSecret
            key={created.secret}
            name={created.name}
            secret={created.secret}
            onDone={() => setCreated(null)}
          />
        ) : (
          aside
        )}
      </div>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title" className={styles.listTitle}>
          Tokens
        </h2>
        <TokenList
          tokens={tokens}
          now={now}
          onChange={(token) => setTokens((all) => all.map((t) => (t.id === token.id ? token : t)))}
        />
      </section>
    </>
  );
}
