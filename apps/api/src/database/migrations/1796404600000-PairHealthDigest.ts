import { MigrationInterface, QueryRunner } from "typeorm";

/** The weekly pair-health digest (issue 14) is a notification kind of its own. */
export class PairHealthDigest1796404600000 implements MigrationInterface {
    name = 'PairHealthDigest1796404600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'pair_health_digest'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // PostgreSQL cannot drop one value of an enum: the type is rebuilt without it.
        await queryRunner.query(`
            DELETE FROM "notification" WHERE "kind" = 'pair_health_digest'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'session_booked', 'session_changed', 'session_cancelled', 'session_reminder', 'match_made',
                'message_unread', 'invitation', 'referral', 'pair_needs_attention'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind_old"
        `);
    }

}
