import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

/**
 * One school sign-in in progress. `state`, `nonce` and the PKCE verifier stay on the server (the browser only
 * carries `state` to the provider and back); once the provider answers, the row holds the account and a
 * one-time hand-off code (hashed) the dashboard trades for tokens. Rows live minutes.
 */
@Entity('oidc_login')
export class OidcLoginEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('oidc_login_state_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  stateHash!: string;

  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier!: string;

  /** The invitation the sign-in started from: its account is the one linked. */
  @Column({ type: 'char', length: 64, nullable: true })
  invitationTokenHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @Index('oidc_login_handoff_hash_key', { unique: true })
  @Column({ type: 'char', length: 64, nullable: true })
  handoffHash!: string | null;

  /** The callback ran (successfully or not): `state` is spent. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** The hand-off code was traded for tokens: spent. */
  @Column({ type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;
}
