import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token bucket per key (sign-in per account, per address; query points per user or token). */
@Entity('rate_limit_bucket')
export class RateLimitBucket {
  @PrimaryColumn('text')
  key: string;

  @Column('double precision')
  tokens: number;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
