import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EnrollmentRole } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A code shown on a lecture-hall slide: a signed-in student who opens it joins the program in its role. It is
 * meant to be seen by a room, so it is stored as it is (unlike invitation tokens); revoking it ends it.
 */
@Entity('join_code')
@Index('join_code_program_idx', ['programId'])
export class JoinCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'enum', enum: Object.values(EnrollmentRole), enumName: 'enrollment_role' })
  role!: EnrollmentRole;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
