import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/** A Likert item (1 = strongly disagree … 5 = strongly agree) of a program's perception survey. */
@Entity('survey_item')
@Unique('survey_item_program_key', ['programId', 'key'])
export class SurveyItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** A stable short name (e.g. "useful"), so answers keep their meaning when the wording is edited. */
  @Column({ type: 'varchar', length: 40 })
  key!: string;

  @Column({ type: 'varchar', length: 300 })
  text!: string;

  @Column({ type: 'smallint' })
  position!: number;

  /** Where the statement comes from (an item set's source); null when the program wrote it. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;

  /** Also asked at baseline (a statement that reads the same before and after mentoring). */
  @Column({ type: 'boolean', default: false })
  baseline!: boolean;

  /** Retired items keep their answers but are no longer asked. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/** One student's answers to one wave of the survey: the baseline and the end-of-program wave once each. */
@Entity('survey_response')
@Index('survey_response_end_once', ['programId', 'respondentId'], { unique: true, where: `kind = 'end'` })
@Index('survey_response_baseline_once', ['programId', 'respondentId'], { unique: true, where: `kind = 'baseline'` })
@Check('survey_response_kind', `kind IN ('baseline', 'end', 'session')`)
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column('uuid')
  respondentId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'respondent_id' })
  respondent?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'baseline' | 'end' | 'session';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('survey_answer')
@Check('survey_answer_likert', 'value BETWEEN 1 AND 5')
export class SurveyAnswerEntity {
  @PrimaryColumn('uuid')
  responseId!: string;

  @PrimaryColumn('uuid')
  itemId!: string;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponseEntity;

  @ManyToOne(() => SurveyItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: SurveyItemEntity;

  @Column({ type: 'smallint' })
  value!: number;
}
