import Link from 'next/link';
import { signInHref } from '@/features/session/safe-next';
import styles from './situations.module.css';

/** Situations are for signed-in readers; a visitor is told so plainly, not shown an error. */
export function SignInNote({ what, next }: { what: string; next: string }) {
  return (
    <p className={styles.note}>
      {what} are shown only to people who have signed in. <Link href={signInHref(next)}>Sign in</Link> to see
      them.
    </p>
  );
}
