import Link from 'next/link';
import styles from '@/features/actors/actor-page.module.css';

export default function ActorNotFound() {
  return (
    <div className={styles.error} role="alert">
      <p>There is no actor at this address. It may have been removed, or the link may be incomplete.</p>
      <p>
        <Link href="/actors">Back to all actors</Link>
      </p>
    </div>
  );
}
