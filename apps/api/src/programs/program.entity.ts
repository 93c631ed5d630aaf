import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';

@Entity('program')
@Check('program_dates_ordered', 'ends_on >= starts_on')
export class ProgramEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** IANA zone; availability and calendar days of the program are read in it. */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  /** The day mentoring begins: outcomes split records into before and after on it. */
  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Set when a coordinator closes the program: from then on it is read-only (PROGRAM_CLOSED). */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
