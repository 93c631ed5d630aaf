import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ProgramEntity } from '@api/programs/program.entity';

/**
 * One grade or exam result, imported by a coordinator into one program. Keyed by email rather than by
 * account: records arrive from the registrar for students who may never sign up.
 */
@Entity('academic_record')
@Unique('academic_record_identity', ['programId', 'studentEmail', 'assessment', 'takenOn'])
@Index('academic_record_email_idx', ['studentEmail'])
@Check('academic_record_score_range', 'max_score > 0 AND score >= 0 AND score <= max_score')
@Check('academic_record_email_lowercase', 'student_email = lower(student_email)')
export class AcademicRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'varchar', length: 254 })
  studentEmail!: string;

  @Column({ type: 'varchar', length: 200 })
  assessment!: string;

  @Column({ type: 'date' })
  takenOn!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'double precision' })
  maxScore!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}
