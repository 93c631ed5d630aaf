import { MigrationInterface, QueryRunner } from "typeorm";

/** Notifications (issue 12): stored notifications, per-user settings, when members last opened a conversation. */
export class Notifications1796404020132 implements MigrationInterface {
    name = 'Notifications1796404020132'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'session_booked',
                'session_changed',
                'session_cancelled',
                'session_reminder',
                'match_made',
                'message_unread',
                'invitation',
                'referral',
                'pair_needs_attention'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_mail_status" AS ENUM('none', 'queued', 'sent', 'failed')
        `);
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "program_id" uuid,
                "link" character varying(500) NOT NULL,
                "params" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "mail_status" "public"."notification_mail_status" NOT NULL DEFAULT 'none',
                "mail_attempts" smallint NOT NULL DEFAULT '0',
                "mail_error" character varying(1000),
                "mailed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "notification_recipient_dedupe_key" UNIQUE ("recipient_id", "dedupe_key"),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_mail_failed_idx" ON "notification" ("created_at")
            WHERE "mail_status" = 'failed'
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_unread_idx" ON "notification" ("recipient_id")
            WHERE "read_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_recipient_idx" ON "notification" ("recipient_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_language" AS ENUM('en', 'fa')
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_setting" (
                "user_id" uuid NOT NULL,
                "email" boolean NOT NULL DEFAULT true,
                "language" "public"."notification_language" NOT NULL DEFAULT 'en',
                CONSTRAINT "PK_d210b9143572b7e8179c15f5f2a" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_conversation_seen" (
                "conversation_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_789d96527b1ec447bc09553e64c" PRIMARY KEY ("conversation_id", "user_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_9830357f52360a126737d498e66" FOREIGN KEY ("recipient_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_d1277926cd45f196cd4685567b1" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_setting"
            ADD CONSTRAINT "FK_d210b9143572b7e8179c15f5f2a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_conversation_seen"
            ADD CONSTRAINT "FK_b0e1cf090d4927b38a2ddcb22d9" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_conversation_seen"
            ADD CONSTRAINT "FK_8674839ae2844bb34fab75e6d5b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_conversation_seen" DROP CONSTRAINT "FK_8674839ae2844bb34fab75e6d5b"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_conversation_seen" DROP CONSTRAINT "FK_b0e1cf090d4927b38a2ddcb22d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_setting" DROP CONSTRAINT "FK_d210b9143572b7e8179c15f5f2a"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_d1277926cd45f196cd4685567b1"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_9830357f52360a126737d498e66"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_conversation_seen"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_setting"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_language"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_recipient_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_unread_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_mail_failed_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_mail_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
    }

}
