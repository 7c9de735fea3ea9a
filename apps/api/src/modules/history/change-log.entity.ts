import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Durable log of changes that subscribers follow. NOTIFY carries only the position; a client that
 * reconnects resumes after the last position it saw and misses nothing.
 */
@Entity('change_log')
@Index('change_log_plan_idx', ['planId', 'position'])
@Index('change_log_occurred_idx', ['occurredAt'])
export class ChangeLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  position: number;

  /** e.g. PLAN_CHANGED, TASK_CHANGED, ASSIGNMENT_CHANGED, PRESENCE_CHANGED, ALERT_CHANGED, ESCALATION. */
  @Column('text')
  topic: string;

  @Column('text')
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Column('uuid', { nullable: true })
  planId: string | null;

  /** Organisations concerned (assignment holders, alert recipients), for per-organisation streams. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  actorIds: string[];

  @Column('text')
  kind: string;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;
}

/**
 * How far change_log has been pruned: one row. Rows up to `prunedThrough` are gone, so a
 * subscriber resuming from an earlier position is told to reload instead of missing changes.
 */
@Entity('change_log_horizon')
@Check('change_log_horizon_one_row', '"id"')
export class ChangeLogHorizon {
  @PrimaryColumn('boolean', { default: true })
  id: boolean;

  @Column('bigint', { default: 0 })
  prunedThrough: number;
}
