import Link from 'next/link';
import styles from '@/features/plans/plans.module.css';

export default function PlanNotFound() {
  return (
    <div className={styles.refusal}>
      <h1>This plan could not be found</h1>
      <p>It does not exist, or it is not shared with your organisation.</p>
      <p>
        <Link href="/plans">See the plans you may read</Link>
      </p>
    </div>
  );
}
