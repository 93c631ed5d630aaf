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

  /** Null for an account made by a roster import until its invitation is accepted (or a school sign-in). */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

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

  /**
   * Bumped whenever every sign-in of the account must end (a password change, a deactivation). Access tokens
   * and refresh tokens carry the version they were issued under; one of an older version is refused.
   */
  @Column({ type: 'integer', default: 0 })
  sessionVersion!: number;

  /** Set by an admin: the account can no longer sign in, and its tokens and chat connections end at once. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
