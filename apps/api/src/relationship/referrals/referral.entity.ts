import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { REFERRAL_URGENCIES, ReferralUrgency } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A student's confidential request to the program's coordinators for help beyond their mentor. No mentor
 * route reads this table; every coordinator read is written to the audit log.
 */
@Entity('referral')
@Index('referral_program_idx', ['programId', 'createdAt'])
@Index('referral_student_idx', ['studentId', 'createdAt'])
@Check('referral_message_length', `char_length("message") BETWEEN 1 AND 4000`)
@Check('referral_closed', `("closed_at" IS NULL) = ("close_note" IS NULL) AND ("closed_at" IS NULL) = ("closed_by_id" IS NULL)`)
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column('uuid')
  studentId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: UserEntity;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'enum', enum: [...REFERRAL_URGENCIES], enumName: 'referral_urgency', default: ReferralUrgency.Routine })
  urgency!: ReferralUrgency;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by_id' })
  closedBy?: UserEntity;

  @Column({ type: 'text', nullable: true })
  closeNote!: string | null;
}
