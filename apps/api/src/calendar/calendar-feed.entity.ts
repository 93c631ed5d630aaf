import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

/**
 * A user's calendar feed. The token itself is shown once and never stored: only its SHA-256, so a copy of the
 * database does not hand out anyone's calendar. One feed per user; making a new one revokes the old address.
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
