import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MAX_YEAR_OF_STUDY, MIN_YEAR_OF_STUDY, type Modality, Role } from '@pm/contracts';

@Entity('app_user')
@Check('app_user_year_of_study_range', `year_of_study IS NULL OR year_of_study BETWEEN ${MIN_YEAR_OF_STUDY} AND ${MAX_YEAR_OF_STUDY}`)
@Check('app_user_email_lowercase', 'email = lower(email)')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased, so the unique index is case-insensitive. */
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'enum', enum: Object.values(Role), enumName: 'user_role' })
  role!: Role;

  @Column({ type: 'smallint', nullable: true })
  yearOfStudy!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  interests!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  modalities!: Modality[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  campus!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
