import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The table @socket.io/postgres-adapter needs for broadcasts over NOTIFY's 8000-byte limit (a long message
 * is one). Declared as an entity only so that the migrations create it; the adapter alone reads and writes
 * it, and deletes rows after 30 seconds.
 */
@Entity('socket_io_attachments')
export class SocketIoAttachmentEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'bytea', nullable: true })
  payload!: Buffer | null;
}
