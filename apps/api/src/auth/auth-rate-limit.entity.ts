import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The per-address budget of sign-in, registration and password-change attempts, shared by every API
 * instance: rate-limiter-flexible's RateLimiterPostgres reads and writes this table (its own schema: `key`,
 * `points`, `expire` in epoch milliseconds). Declared as an entity so the migration makes it and the tests
 * empty it like every other table.
 */
@Entity('auth_rate_limit')
export class AuthRateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}
