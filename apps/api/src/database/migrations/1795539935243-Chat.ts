import { MigrationInterface, QueryRunner } from "typeorm";

export class Chat1795539935243 implements MigrationInterface {
    name = 'Chat1795539935243'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."conversation_kind" AS ENUM('mentorship', 'group')
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."conversation_kind" NOT NULL,
                "program_id" uuid NOT NULL,
                "mentorship_id" uuid,
                "mentor_id" uuid NOT NULL,
                "last_seq" bigint NOT NULL DEFAULT '0',
                "last_message_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "conversation_last_seq" CHECK (last_seq >= 0),
                CONSTRAINT "conversation_kind_shape" CHECK (
                    (
                        kind = 'mentorship'
                        AND mentorship_id IS NOT NULL
                    )
                    OR (
                        kind = 'group'
                        AND mentorship_id IS NULL
                    )
                ),
                CONSTRAINT "PK_864528ec4274360a40f66c29845" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "conversation_mentor_idx" ON "conversation" ("mentor_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "conversation_group_key" ON "conversation" ("program_id", "mentor_id")
            WHERE kind = 'group'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "conversation_mentorship_key" ON "conversation" ("mentorship_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "chat_message" (
                "id" uuid NOT NULL,
                "conversation_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "sender_id" uuid NOT NULL,
                "body" text NOT NULL,
                "client_message_id" character varying(100) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chat_message_seq_positive" CHECK (seq >= 1),
                CONSTRAINT "chat_message_body_length" CHECK (
                    char_length(body) BETWEEN 1 AND 4000
                ),
                CONSTRAINT "PK_3cc0d85193aade457d3077dd06b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "chat_message_sender_idx" ON "chat_message" ("sender_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "chat_message_client_id_key" ON "chat_message" (
                "conversation_id",
                "sender_id",
                "client_message_id"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "chat_message_conversation_seq_key" ON "chat_message" ("conversation_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation_read" (
                "conversation_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "last_read_seq" bigint NOT NULL,
                "last_read_message_id" uuid NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_849ef1e45fb97fa6e7e970d6f1e" PRIMARY KEY ("conversation_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "conversation_read_user_idx" ON "conversation_read" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "socket_io_attachments" (
                "id" BIGSERIAL NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "payload" bytea,
                CONSTRAINT "PK_dc5b76127041ee7cfa4d5f416d1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation"
            ADD CONSTRAINT "FK_bfe398f832b36ee6b6f0f8194db" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation"
            ADD CONSTRAINT "FK_421bfb2aaee0c93c057402813c8" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation"
            ADD CONSTRAINT "FK_192fdfde6a2a30dd7d548ca13db" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_message"
            ADD CONSTRAINT "FK_aa14fc981646b7f4806f8b2b379" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_message"
            ADD CONSTRAINT "FK_bd00cce706735f1c4d05c69a310" FOREIGN KEY ("sender_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_read"
            ADD CONSTRAINT "FK_40350c17ceb5ce4b945f9109c4c" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_read"
            ADD CONSTRAINT "FK_161da172c7ce2cc7e9d0d758656" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "conversation_read" DROP CONSTRAINT "FK_161da172c7ce2cc7e9d0d758656"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_read" DROP CONSTRAINT "FK_40350c17ceb5ce4b945f9109c4c"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_message" DROP CONSTRAINT "FK_bd00cce706735f1c4d05c69a310"
        `);
        await queryRunner.query(`
            ALTER TABLE "chat_message" DROP CONSTRAINT "FK_aa14fc981646b7f4806f8b2b379"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation" DROP CONSTRAINT "FK_192fdfde6a2a30dd7d548ca13db"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation" DROP CONSTRAINT "FK_421bfb2aaee0c93c057402813c8"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation" DROP CONSTRAINT "FK_bfe398f832b36ee6b6f0f8194db"
        `);
        await queryRunner.query(`
            DROP TABLE "socket_io_attachments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversation_read_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "conversation_read"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."chat_message_conversation_seq_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."chat_message_client_id_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."chat_message_sender_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "chat_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversation_mentorship_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversation_group_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversation_mentor_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "conversation"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."conversation_kind"
        `);
    }

}
