import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MAX_BUFFER_MINUTES } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';

/** A mentor's published availability: its time zone and buffer. Its existence is what "published" means. */
@Entity('mentor_schedule')
@Check('mentor_schedule_buffer', `"buffer_minutes" BETWEEN 0 AND ${MAX_BUFFER_MINUTES}`)
export class MentorScheduleEntity {
  @PrimaryColumn('uuid')
  mentorId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  /** IANA zone the weekly hours and override dates are read in. */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'smallint', default: 0 })
  bufferMinutes!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A weekly window, in minutes after local midnight of an ISO weekday (1 = Monday). */
@Entity('availability_rule')
@Check('availability_rule_weekday', `"weekday" BETWEEN 1 AND 7`)
@Check('availability_rule_minutes', `"start_minute" >= 0 AND "start_minute" < "end_minute" AND "end_minute" <= 1440`)
@Index('availability_rule_mentor_idx', ['mentorId'])
export class AvailabilityRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  mentorId!: string;

  @ManyToOne(() => MentorScheduleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  schedule?: MentorScheduleEntity;

  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ type: 'smallint' })
  startMinute!: number;

  @Column({ type: 'smallint' })
  endMinute!: number;
}

/** A date that differs from the week: a day off (no times), or an extra window. */
@Entity('availability_override')
@Check('availability_override_shape', `("available" AND "start_minute" >= 0 AND "start_minute" < "end_minute" AND "end_minute" <= 1440) OR (NOT "available" AND "start_minute" IS NULL AND "end_minute" IS NULL)`)
@Index('availability_override_mentor_idx', ['mentorId', 'onDate'])
export class AvailabilityOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  mentorId!: string;

  @ManyToOne(() => MentorScheduleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  schedule?: MentorScheduleEntity;

  @Column({ type: 'date' })
  onDate!: string;

  @Column({ type: 'boolean' })
  available!: boolean;

  @Column({ type: 'smallint', nullable: true })
  startMinute!: number | null;

  @Column({ type: 'smallint', nullable: true })
  endMinute!: number | null;
}
