import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

/**
 * One refresh token. The client holds `<id>.<secret>`; only a SHA-256 of the secret is stored. Tokens issued
 * from one sign-in form a family: presenting a spent token revokes the whole family, since it means the
 * token was copied.
 */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('refresh_token_user_idx')
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('refresh_token_family_idx')
  @Column('uuid')
  familyId!: string;

  @Column({ type: 'char', length: 64 })
  secretHash!: string;

  /** The user's session version when it was issued: a password change or a deactivation outdates it. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion!: number;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
