import type { Metadata } from 'next';
import { SignInNote } from '@/features/situations/sign-in-note';
import { SituationTable } from '@/features/situations/situation-table';
import { situationsQuery } from '@/features/situations/situations.graphql';
import styles from '@/features/situations/situations.module.css';
import type { SituationsQuery } from '@/gql/graphql';
import { errorCode } from '@/lib/apollo/error-code';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';

// Rendered per request: the build must never call the API, and what is listed depends on the viewer.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Situations' };

const PAGE_SIZE = 100;

async function SituationResults() {
  let situations: SituationsQuery['situations'];
  try {
    const { data } = await query({ query: situationsQuery, variables: { first: PAGE_SIZE } });
    if (!data) throw new Error('The situations query returned no data.');
    situations = data.situations;
  } catch (error) {
    if (errorCode(error) === 'UNAUTHENTICATED')
      return <SignInNote what="Situations and their assessments" next="/situations" />;
    console.error('situations page: the situations query failed', error);
    return (
      <div className={styles.error} role="alert">
        <p>The situations could not be loaded. {errorMessage(error)}</p>
        <p>
          <a href="/situations">Try again</a>
        </p>
      </div>
    );
  }
  const nodes = situations.edges.map((edge) => edge.node);
  if (nodes.length === 0) return <p className={styles.empty}>There is no situation you may see.</p>;
  return (
    <>
      <p className={styles.muted} role="status">
        {nodes.length < situations.totalCount
          ? `Showing ${nodes.length} of ${situations.totalCount} situations.`
          : `${situations.totalCount} ${situations.totalCount === 1 ? 'situation' : 'situations'}.`}
      </p>
      <SituationTable situations={nodes} />
    </>
  );
}

export default async function SituationsPage() {
  return (
    <>
      <div className={styles.heading}>
        <h1>Situations</h1>
        <p>Countries and areas of concern, and what the latest assessment of each says.</p>
      </div>
      <SituationResults />
    </>
  );
}
