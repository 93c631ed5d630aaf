import { MigrationInterface, QueryRunner } from 'typeorm';

/** The forum's notification kind: a reply in a thread the person asked or answered in. */
export class ForumReplyNotification1796406000000 implements MigrationInterface {
    name = 'ForumReplyNotification1796406000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'forum_reply'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // PostgreSQL cannot drop one value of an enum: the type is rebuilt without it (and its notifications go).
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'forum_reply'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'session_booked', 'session_changed', 'session_cancelled', 'session_reminder', 'match_made',
                'message_unread', 'invitation', 'referral', 'pair_needs_attention', 'pair_health_digest'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"
        `);
        await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
    }
}
