import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProgramEntity } from '@api/programs/program.entity';

/** A program's starting point for every pair's agreement, kept by its coordinators in English and Persian. */
@Entity('agreement_template')
@Check('agreement_template_goals_arrays', `jsonb_typeof("goals_en") = 'array' AND jsonb_typeof("goals_fa") = 'array'`)
@Check('agreement_template_meetings', `"meetings_per_month" BETWEEN 1 AND 12`)
export class AgreementTemplateEntity {
  @PrimaryColumn('uuid')
  programId!: string;

  @OneToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'jsonb' })
  goalsEn!: string[];

  @Column({ type: 'jsonb' })
  goalsFa!: string[];

  @Column({ type: 'smallint' })
  meetingsPerMonth!: number;

  @Column({ type: 'text' })
  confidentialityEn!: string;

  @Column({ type: 'text' })
  confidentialityFa!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
