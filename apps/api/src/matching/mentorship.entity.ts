import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MentorshipStatus } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';
import { MatchingRunEntity } from './matching-run.entity';

/**
 * A mentee's mentor in one program. The partial unique index makes "at most one active mentor per mentee and
 * program" a database fact; capacity is checked under a lock on the program row (see MentorshipsService).
 */
@Entity('mentorship')
@Index('mentorship_one_active_per_mentee', ['programId', 'menteeId'], { unique: true, where: `status = 'active'` })
@Index('mentorship_mentor_idx', ['mentorId', 'status'])
@Check('mentorship_distinct_people', 'mentee_id <> mentor_id')
@Check('mentorship_ended_has_reason', `(status = 'active' AND ended_at IS NULL) OR (status = 'ended' AND ended_at IS NOT NULL)`)
export class MentorshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column('uuid')
  menteeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_id' })
  mentee?: UserEntity;

  @Column('uuid')
  mentorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  @Column({ type: 'enum', enum: Object.values(MentorshipStatus), enumName: 'mentorship_status', default: MentorshipStatus.Active })
  status!: MentorshipStatus;

  /** The run this came from; null for a manual match. */
  @Column({ type: 'uuid', nullable: true })
  matchingRunId!: string | null;

  @ManyToOne(() => MatchingRunEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'matching_run_id' })
  matchingRun?: MatchingRunEntity;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /**
   * The day mentoring began (program time zone): the end of a mentee's "before" window in the outcomes. Left
   * out on insert, a trigger sets today in the program's time zone (migration MentorshipStartedOn).
   */
  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endedReason!: string | null;
}
