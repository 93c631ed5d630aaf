import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgreementGoal } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';

/**
 * A pair's agreement: its goals, how often it meets, and the confidentiality statement both accept. The
 * statement is copied from the program's template when the pair first saves, so a later edit of the template
 * never changes what a pair signed. `version` rises with every change of the text and clears both signatures.
 */
@Entity('mentorship_agreement')
@Check('mentorship_agreement_goals_array', `jsonb_typeof("goals") = 'array'`)
@Check('mentorship_agreement_meetings', `"meetings_per_month" BETWEEN 1 AND 12`)
export class AgreementEntity {
  @PrimaryColumn('uuid')
  mentorshipId!: string;

  @OneToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  @Column({ type: 'jsonb' })
  goals!: AgreementGoal[];

  @Column({ type: 'smallint' })
  meetingsPerMonth!: number;

  @Column({ type: 'text' })
  confidentialityEn!: string;

  @Column({ type: 'text' })
  confidentialityFa!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', nullable: true })
  signedByMentorAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedByMenteeAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
