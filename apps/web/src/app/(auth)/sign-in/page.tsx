import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeNext } from '@/features/session/safe-next';
import styles from '@/features/session/session.module.css';
import { SignInForm } from '@/features/session/sign-in-form.client';
import { getViewer } from '@/features/session/viewer';

// Per request: someone already signed in goes straight on.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const next = safeNext((await searchParams).next);
  const { viewer, unavailable } = await getViewer();
  if (viewer?.kind === 'USER') redirect(next);
  return (
    <div className={styles.card}>
      <p className={styles.brand}>Concord</p>
      <h1>Sign in</h1>
      <p className={styles.lead}>The coordination graph for mass atrocity prevention and response.</p>
      {unavailable && (
        <p className={styles.notice} role="status">
          The Concord service is not reachable right now. You can try to sign in; if it fails, try again in a
          moment.
        </p>
      )}
      <SignInForm next={next} />
      <p className={styles.footer}>
        The actor directory is public: <Link href="/actors">browse actors</Link> without signing in.
      </p>
    </div>
  );
}
