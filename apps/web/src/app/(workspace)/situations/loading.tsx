import styles from '@/features/situations/situations.module.css';

export default function SituationsLoading() {
  return (
    <p className={styles.empty} role="status">
      Loading…
    </p>
  );
}
