import styles from '@/features/actors/actors.module.css';

export default function ActorLoading() {
  return (
    <p className={styles.loading} role="status">
      Loading the actor…
    </p>
  );
}
