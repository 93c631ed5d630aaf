import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EnrollmentRole } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';
import { ProgramEntity } from './program.entity';

@Entity('enrollment')
@Unique('enrollment_program_user_key', ['programId', 'userId'])
@Check('enrollment_capacity_for_mentors', `(role = 'mentor' AND capacity >= 1) OR (role = 'mentee' AND capacity IS NULL)`)
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Index('enrollment_user_idx')
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: Object.values(EnrollmentRole), enumName: 'enrollment_role' })
  role!: EnrollmentRole;

  /** Most mentees a mentor takes; null for mentees. */
  @Column({ type: 'smallint', nullable: true })
  capacity!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
