import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ATTENDANCES, type Attendance } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { UserEntity } from '@api/users/user.entity';
import { SessionEntity } from './session.entity';

export const PARTICIPANT_ROLES = ['mentor', 'mentee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * Everyone taking part in a session, the mentor included, so that one exclusion constraint keeps each person
 * out of two overlapping sessions whatever their part in each (a year-4 student may mentor in one program and
 * be mentored in another). An exclusion constraint sees one table only, so the session's time range and
 * whether it still counts are copied here, in the same transaction as every change to the session.
 */
@Entity('session_attendee')
@Exclusion('session_attendee_no_overlap', `USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("active")`)
@Check('session_attendee_mentee_has_mentorship', `("role" = 'mentee') = ("mentorship_id" IS NOT NULL)`)
@Check('session_attendee_attendance_of_mentees', `"attendance" IS NULL OR "role" = 'mentee'`)
@Index('session_attendee_user_idx', ['userId', 'startsAt'])
@Index('session_attendee_mentorship_idx', ['mentorshipId'])
// Each session's mentees, aggregated per session by the session lists (sessions.mapper.ts WITH_ATTENDEES).
@Index('session_attendee_mentees_idx', ['sessionId'], { where: `role = 'mentee'` })
export class SessionAttendeeEntity {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: [...PARTICIPANT_ROLES], enumName: 'session_participant_role' })
  role!: ParticipantRole;

  /** The mentee's mentorship with the session's mentor; null on the mentor's own row. */
  @Column({ type: 'uuid', nullable: true })
  mentorshipId!: string | null;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  /** Copied from the session. */
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** False once the session is cancelled or this mentee left it: the row then blocks nothing. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Raised when this person joins or leaves, added to the session's SEQUENCE in their feed. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ type: 'enum', enum: [...ATTENDANCES], enumName: 'session_attendance', nullable: true })
  attendance!: Attendance | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceMarkedAt!: Date | null;
}
