import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MAX_SEAT_LIMIT, MODALITIES, SESSION_STATUSES, SessionStatus, type Modality } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A mentoring session: one mentor, one or more mentees (rows of `session_attendee`). No double booking is a
 * database fact: the exclusion constraint refuses two sessions of one mentor whose half-open time ranges
 * overlap (so 09:00-10:00 and 10:00-11:00 may coexist), ignoring cancelled ones; `session_attendee` does the
 * same for every participant. Needs the btree_gist extension for `uuid WITH =` inside a GiST index.
 */
@Entity('mentoring_session')
@Exclusion('mentoring_session_mentor_no_overlap', `USING gist ("mentor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" <> 'cancelled')`)
@Check('mentoring_session_times', `"ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours'`)
@Check('mentoring_session_place', `("modality" = 'in_person' AND "location" IS NOT NULL) OR ("modality" = 'virtual' AND "meeting_url" IS NOT NULL)`)
@Check('mentoring_session_seats', `"seat_limit" BETWEEN 1 AND ${MAX_SEAT_LIMIT}`)
@Check('mentoring_session_cancelled_at', `("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)`)
@Index('mentoring_session_mentor_idx', ['mentorId', 'startsAt'])
@Index('mentoring_session_program_idx', ['programId'])
@Index('mentoring_session_series_idx', ['seriesId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** The mentorship it was booked through; group sessions list the others on their attendee rows. */
  @Column('uuid')
  mentorshipId!: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  @Column('uuid')
  mentorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'enum', enum: [...MODALITIES], enumName: 'session_modality' })
  modality!: Modality;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  meetingUrl!: string | null;

  @Column({ type: 'smallint', default: 1 })
  seatLimit!: number;

  /** Shared by the occurrences of a weekly series. */
  @Column({ type: 'uuid', nullable: true })
  seriesId!: string | null;

  @Column({ type: 'enum', enum: [...SESSION_STATUSES], enumName: 'session_status', default: SessionStatus.Scheduled })
  status!: SessionStatus;

  /** iCalendar SEQUENCE: raised on every change a calendar should pick up. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
