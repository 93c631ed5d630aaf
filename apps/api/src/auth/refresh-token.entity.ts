import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

/**
 * One refresh token. The client holds `<id>.<secret>`; only a SHA-256 of the secret is stored. Tokens issued
 * from one sign-in form a family: presenting a spent token revokes the whole family, since it means the
 * token was copied, unless it comes back within a few seconds of being spent (two tabs of one browser
 * refreshing at once), which answers the pair already issued (see `graceSealed`).
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

  /** The token this one was exchanged for, once spent. */
  @Column({ type: 'uuid', nullable: true })
  replacedById!: string | null;

  /**
   * The pair this token was exchanged for, sealed (AES-256-GCM) under a key derived from this token's own
   * secret, which is stored nowhere: only the holder of the spent token can open it. Lets a second tab that
   * refreshed at the same moment receive the same pair within REFRESH_REUSE_GRACE_SECONDS instead of tripping
   * the reuse detection. Cleared once the replacement is spent in turn.
   */
  @Column({ type: 'text', nullable: true })
  graceSealed!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
