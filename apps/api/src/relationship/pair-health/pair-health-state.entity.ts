import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PAIR_STATUSES, type PairStatus } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';

/**
 * The last status the board computed for a pair. A pair that turns from on_track (or from never seen) to
 * needing attention starts a new `episode`; its coordinators are notified once per episode, the episode
 * being part of the notification's dedupe key, however often or concurrently the board is read.
 */
@Entity('pair_health_state')
export class PairHealthStateEntity {
  @PrimaryColumn('uuid')
  mentorshipId!: string;

  @OneToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  @Column({ type: 'enum', enum: [...PAIR_STATUSES], enumName: 'pair_status' })
  status!: PairStatus;

  @Column({ type: 'integer', default: 0 })
  episode!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  changedAt!: Date;
}
