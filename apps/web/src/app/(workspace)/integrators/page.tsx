import type { Metadata } from 'next';
import Link from 'next/link';
import type { Organisation } from '@/features/integrators/create-token-form.client';
import { apiTokensQuery } from '@/features/integrators/integrators.graphql';
import styles from '@/features/integrators/integrators.module.css';
import { IntegratorsPanel } from '@/features/integrators/integrators-panel.client';
import { may, requireViewer } from '@/features/session/viewer';
import type { ApiTokensQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Integrators' };

function Heading() {
  return (
    <div className={styles.heading}>
      <h1>Integrators</h1>
      <p>Tokens let another system query Concord for your organisation, within the scopes you give them.</p>
    </div>
  );
}

function About() {
  return (
    <aside className={styles.aside} aria-labelledby="about-tokens">
      <h2 id="about-tokens">How tokens work</h2>
      <ul>
        <li>A token acts for one organisation and sees only what that organisation may see.</li>
        <li>
          The system sends it with every request: <code>Authorization: Bearer …</code>
        </li>
        <li>Its secret is shown once, when it is created. Revoke a token the moment it may have leaked.</li>
        <li>Each token has a query budget; very large queries are refused before they run.</li>
      </ul>
      <p>
        <Link href="/integrators/explorer" className="button">
          Open the GraphQL explorer
        </Link>
      </p>
    </aside>
  );
}

export default async function IntegratorsPage() {
  const { viewer } = await requireViewer('/integrators');
  if (!may(viewer, 'token.manage')) {
    return (
      <>
        <Heading />
        <p className={styles.empty}>Your role does not manage tokens.</p>
      </>
    );
  }
  let tokens: ApiTokensQuery['apiTokens'];
  try {
    const { data } = await query({ query: apiTokensQuery, variables: { first: 100 } });
    if (!data) throw new Error('The tokens query returned no data.');
    tokens = data.apiTokens;
  } catch (error) {
    console.error('integrators page: the tokens query failed', error);
    return (
      <>
        <Heading />
        <p className={styles.error} role="alert">
          The tokens could not be loaded. {errorMessage(error)}
        </p>
      </>
    );
  }
  const organisations: Organisation[] = (viewer?.memberships ?? []).map((m) => ({
    id: m.actor.id,
    name: m.actor.name,
    role: m.role,
  }));
  return (
    <>
      <Heading />
      <IntegratorsPanel
        initial={tokens.edges.map((edge) => edge.node)}
        organisations={organisations}
        admin={viewer?.memberships.some((m) => m.role === 'ADMIN') ?? false}
        now={new Date().toISOString()}
        aside={<About />}
      />
    </>
  );
}
