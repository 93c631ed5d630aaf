import { MigrationInterface, QueryRunner } from "typeorm";

// Accounts (issue 11): a spent refresh token remembers, sealed, the pair it was exchanged for (the
// refresh reuse grace window), and sign-in/registration attempts per address are counted in one table
// that every API instance shares (rate-limiter-flexible's RateLimiterPostgres schema).
export class AuthPlatform1796403666719 implements MigrationInterface {
    name = 'AuthPlatform1796403666719'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "auth_rate_limit" (
                "key" character varying(255) NOT NULL,
                "points" integer NOT NULL DEFAULT '0',
                "expire" bigint,
                CONSTRAINT "PK_74b8e707ca802233363663011ba" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD "replaced_by_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD "grace_sealed" text
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP COLUMN "grace_sealed"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP COLUMN "replaced_by_id"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_rate_limit"
        `);
    }

}
