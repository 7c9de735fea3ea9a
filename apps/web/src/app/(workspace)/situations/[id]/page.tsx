import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AssessmentHistory } from '@/features/situations/assessment-history';
import { AssessmentOverview } from '@/features/situations/assessment-overview';
import { MitigationGaps } from '@/features/situations/mitigation-gaps';
import { RiskFactorList } from '@/features/situations/risk-factor-list';
import { SITUATION_STATUS_LABELS } from '@/features/situations/risk-labels';
import { SignInNote } from '@/features/situations/sign-in-note';
import { SituationAlertsSection } from '@/features/situations/situation-alerts';
import { SituationObservations } from '@/features/situations/situation-observations';
import { mayReadAssessmentText } from '@/features/situations/situation-page.types';
import { situationGapsQuery, situationPageQuery } from '@/features/situations/situations.graphql';
import styles from '@/features/situations/situations.module.css';
import { errorCode } from '@/lib/apollo/error-code';
import { errorMessage } from '@/lib/apollo/error-message';
import { query } from '@/lib/apollo/rsc-client';
import { countryName } from '@/lib/format/country';

// Rendered per request: the build must never call the API, and what is shown depends on the viewer.
export const dynamic = 'force-dynamic';

const loadSituation = cache(async (id: string) => {
  const { data } = await query({ query: situationPageQuery, variables: { id } });
  if (!data) throw new Error('The situation query returned no data.');
  return data;
});

/** The gap analysis on its own, so that a failure there leaves the rest of the page standing. */
async function loadGaps(id: string) {
  try {
    const { data } = await query({ query: situationGapsQuery, variables: { id } });
    return { gaps: data?.situation?.mitigationGaps ?? [], error: null };
  } catch (error) {
    console.error('situation page: the gap analysis failed', error);
    return { gaps: null, error: `The gap analysis could not be loaded. ${errorMessage(error)}` };
  }
}

export async function generateMetadata({ params }: PageProps<'/situations/[id]'>): Promise<Metadata> {
  try {
    const data = await loadSituation((await params).id);
    return { title: data.situation?.name ?? 'Situation not found' };
  } catch {
    return { title: 'Situation' };
  }
}

function Back() {
  return (
    <p className={styles.breadcrumb}>
      <Link href="/situations">← All situations</Link>
    </p>
  );
}

export default async function SituationPage({ params }: PageProps<'/situations/[id]'>) {
  const { id } = await params;
  let data: Awaited<ReturnType<typeof loadSituation>>;
  try {
    data = await loadSituation(id);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'BAD_USER_INPUT') notFound();
    if (code === 'UNAUTHENTICATED') {
      return (
        <>
          <Back />
          <SignInNote what="Situations and their assessments" next={`/situations/${id}`} />
        </>
      );
    }
    console.error('situation page: the situation query failed', error);
    return (
      <>
        <Back />
        <div className={styles.error} role="alert">
          <p>The situation could not be loaded. {errorMessage(error)}</p>
        </div>
      </>
    );
  }
  const situation = data.situation;
  if (!situation) notFound();
  const { gaps, error: gapsError } = await loadGaps(id);
  const assessment = situation.latestAssessment;
  const mayReadText = mayReadAssessmentText(data.viewer?.memberships);

  return (
    <>
      <Back />
      <header className={styles.heading}>
        <ul className={styles.badges}>
          {situation.isExercise && (
            <li className={`${styles.badge} ${styles.exercise}`}>Exercise, not a real situation</li>
          )}
          <li className={styles.badge}>{SITUATION_STATUS_LABELS[situation.status] ?? situation.status}</li>
          <li className={styles.badge}>{countryName(situation.countryCode)}</li>
        </ul>
        <h1>{situation.name}</h1>
        {situation.adminAreas.length > 0 && <p>Areas concerned: {situation.adminAreas.join(', ')}.</p>}
        {situation.summary && <p className={styles.summaryText}>{situation.summary}</p>}
      </header>

      <section className={styles.section} aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">Latest assessment</h2>
        {assessment ? (
          <>
            <AssessmentOverview assessment={assessment} mayReadText={mayReadText} />
            <h3 className={styles.factorsHeading}>The 14 risk factors of the Framework of Analysis</h3>
            <RiskFactorList factors={data.riskFactors} assessment={assessment} mayReadText={mayReadText} />
          </>
        ) : (
          <p className={styles.empty}>
            There is no assessment of this situation that you may read: none has been made yet, or the ones
            made are classified above your clearance.
          </p>
        )}
      </section>

      <SituationAlertsSection situationId={situation.id} />
      <MitigationGaps gaps={gaps} error={gapsError} />
      <AssessmentHistory situation={situation} />
      <SituationObservations situation={situation} />
    </>
  );
}
