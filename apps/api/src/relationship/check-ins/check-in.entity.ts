import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MentorshipEntity } from '@api/matching/mentorship.entity';

/** The mentee's answer to "how is your mentoring going?" (1-5). Only the mentee and coordinators read it. */
@Entity('mentorship_check_in')
@Check('mentorship_check_in_rating', `"rating" BETWEEN 1 AND 5`)
@Check('mentorship_check_in_comment_length', `"comment" IS NULL OR char_length("comment") <= 1000`)
@Index('mentorship_check_in_latest_idx', ['mentorshipId', 'createdAt'])
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  mentorshipId!: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  @Column('uuid')
  menteeId!: string;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
