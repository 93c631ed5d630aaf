import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SessionTopic } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { SessionEntity } from '@api/sessions/session.entity';

/**
 * The mentor's record of one session: topics and minutes (which coordinators see) and a note that belongs to
 * the pair alone. The note lives only here and only the pair's mappers read it (see session-log.mapper.ts).
 */
@Entity('session_log')
@Check('session_log_minutes', `"minutes" BETWEEN 1 AND 600`)
@Check('session_log_topics', `"topics" <@ ARRAY['exams','study_skills','wellbeing','career','clinical_skills','research','other']::varchar[]`)
@Check('session_log_note_length', `"note" IS NULL OR char_length("note") <= 2000`)
@Index('session_log_mentorship_idx', ['mentorshipId'])
export class SessionLogEntity {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @OneToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column('uuid')
  mentorshipId!: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  @Column('uuid')
  authorId!: string;

  @Column({ type: 'varchar', array: true })
  topics!: SessionTopic[];

  @Column({ type: 'smallint' })
  minutes!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  goalId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
