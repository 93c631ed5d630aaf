import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

/**
 * A user's calendar feed. The token itself is never stored: only its SHA-256 (to find the feed) and a nonce
 * from which the server's key derives it again (to show the owner their address again). One feed per user;
 * replacing it revokes the old address.
 */
@Entity('calendar_feed')
export class CalendarFeedEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('calendar_feed_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /**
   * The random half of the token (the other is a server key, see CalendarService): lets the owner see their
   * address again without the token itself being stored. Null for addresses made before it existed.
   */
  @Column({ type: 'varchar', length: 43, nullable: true })
  tokenNonce!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
