import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentRole } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A single-use link that lets a person whose account was made for them (a roster import) set a password.
 * The token is never stored: only its SHA-256, for the lookup. The token itself is an HMAC of the row's id and
 * `generation` under a server secret, so the coordinator can be shown a pending link again (where no mail is
 * configured) without the database holding it; a resend bumps `generation`, which kills the old link.
 */
@Entity('invitation')
@Index('invitation_program_idx', ['programId', 'createdAt'])
@Check('invitation_expires_after_creation', 'expires_at > created_at')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('invitation_user_idx')
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'enum', enum: Object.values(EnrollmentRole), enumName: 'enrollment_role', nullable: true })
  role!: EnrollmentRole | null;

  @Index('invitation_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'integer', default: 0 })
  generation!: number;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** Last time the link was mailed; null while never sent (no mail configured, or not yet). */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
