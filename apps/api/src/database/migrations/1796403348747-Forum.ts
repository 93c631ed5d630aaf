import { MigrationInterface, QueryRunner } from "typeorm";

export class Forum1796403348747 implements MigrationInterface {
    name = 'Forum1796403348747'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Search: one normalisation for documents and queries (see forum.store.ts). Immutable, so indexes may use it.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
            CREATE FUNCTION forum_normalize(t text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
                SELECT lower(translate(t,
                    -- Arabic ye, alef maksura, Arabic kaf, teh marbuta, heh with yeh; Arabic-Indic and Persian digits;
                    -- then deleted: zero-width non-joiner and joiner, tatweel, the short-vowel marks.
                    U&'\\064A\\0649\\0643\\0629\\06C0' || U&'\\0660\\0661\\0662\\0663\\0664\\0665\\0666\\0667\\0668\\0669'
                        || U&'\\06F0\\06F1\\06F2\\06F3\\06F4\\06F5\\06F6\\06F7\\06F8\\06F9'
                        || U&'\\200C\\200D\\0640\\064B\\064C\\064D\\064E\\064F\\0650\\0651\\0652',
                    U&'\\06CC\\06CC\\06A9\\0647\\0647' || '0123456789' || '0123456789'))
            $fn$
        `);
        await queryRunner.query(`
            CREATE TABLE "forum_thread" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "tags" text array NOT NULL DEFAULT '{}',
                "anonymous" boolean NOT NULL DEFAULT false,
                "pinned" boolean NOT NULL DEFAULT false,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "accepted_reply_id" uuid,
                "search_doc" tsvector NOT NULL,
                "search_title" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "forum_thread_body_length" CHECK (
                    char_length(body) BETWEEN 1 AND 10000
                ),
                CONSTRAINT "forum_thread_title_length" CHECK (
                    char_length(title) BETWEEN 1 AND 200
                ),
                CONSTRAINT "PK_a531f692372aac738265f6dff13" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "forum_thread_author_idx" ON "forum_thread" ("author_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "forum_thread_program_created_idx" ON "forum_thread" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "forum_reply" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "thread_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "search_doc" tsvector NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "forum_reply_body_length" CHECK (
                    char_length(body) BETWEEN 1 AND 5000
                ),
                CONSTRAINT "PK_c9f47f8daef489260b44991f82a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "forum_reply_author_idx" ON "forum_reply" ("author_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "forum_reply_thread_created_idx" ON "forum_reply" ("thread_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "forum_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "post_id" uuid NOT NULL,
                "post_kind" character varying(10) NOT NULL,
                "thread_id" uuid NOT NULL,
                "reporter_id" uuid NOT NULL,
                "reason" character varying(500) NOT NULL,
                "dismissed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "forum_report_post_reporter_key" UNIQUE ("post_id", "reporter_id"),
                CONSTRAINT "forum_report_reason_length" CHECK (
                    char_length(reason) BETWEEN 1 AND 500
                ),
                CONSTRAINT "forum_report_post_kind" CHECK (post_kind IN ('thread', 'reply')),
                CONSTRAINT "PK_c77cbc9f1136831201bc79d1c71" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "forum_report_program_idx" ON "forum_report" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "forum_watch" (
                "thread_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "notified" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_5f728494a34aaf90c0194ad190a" PRIMARY KEY ("thread_id", "user_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread"
            ADD CONSTRAINT "FK_2b0f63bc3c20c59d6247ac70843" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread"
            ADD CONSTRAINT "FK_4b3d76c123204253d899dc31bd6" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread"
            ADD CONSTRAINT "FK_41a276092454937b47c89520d4c" FOREIGN KEY ("accepted_reply_id") REFERENCES "forum_reply"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_reply"
            ADD CONSTRAINT "FK_d0e96fa80f548da7bc0ac8926c5" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_reply"
            ADD CONSTRAINT "FK_d101af882af565a54e000211ecc" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report"
            ADD CONSTRAINT "FK_cc5442a7eae20862578579557f1" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report"
            ADD CONSTRAINT "FK_096195b45463fdf4fb3b52fb1b8" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report"
            ADD CONSTRAINT "FK_3df0f73c0e0a37c63943cd1e828" FOREIGN KEY ("reporter_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_watch"
            ADD CONSTRAINT "FK_3888dd984e11b8acef8a0788ce7" FOREIGN KEY ("thread_id") REFERENCES "forum_thread"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_watch"
            ADD CONSTRAINT "FK_aba001647d593b70137a8bc352a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`CREATE INDEX "forum_thread_search_idx" ON "forum_thread" USING gin ("search_doc")`);
        await queryRunner.query(`CREATE INDEX "forum_reply_search_idx" ON "forum_reply" USING gin ("search_doc")`);
        await queryRunner.query(`CREATE INDEX "forum_thread_title_trgm_idx" ON "forum_thread" USING gin ("search_title" gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."forum_thread_title_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "public"."forum_reply_search_idx"`);
        await queryRunner.query(`DROP INDEX "public"."forum_thread_search_idx"`);
        await queryRunner.query(`
            ALTER TABLE "forum_watch" DROP CONSTRAINT "FK_aba001647d593b70137a8bc352a"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_watch" DROP CONSTRAINT "FK_3888dd984e11b8acef8a0788ce7"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report" DROP CONSTRAINT "FK_3df0f73c0e0a37c63943cd1e828"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report" DROP CONSTRAINT "FK_096195b45463fdf4fb3b52fb1b8"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_report" DROP CONSTRAINT "FK_cc5442a7eae20862578579557f1"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_reply" DROP CONSTRAINT "FK_d101af882af565a54e000211ecc"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_reply" DROP CONSTRAINT "FK_d0e96fa80f548da7bc0ac8926c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread" DROP CONSTRAINT "FK_41a276092454937b47c89520d4c"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread" DROP CONSTRAINT "FK_4b3d76c123204253d899dc31bd6"
        `);
        await queryRunner.query(`
            ALTER TABLE "forum_thread" DROP CONSTRAINT "FK_2b0f63bc3c20c59d6247ac70843"
        `);
        await queryRunner.query(`
            DROP TABLE "forum_watch"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."forum_report_program_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "forum_report"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."forum_reply_thread_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."forum_reply_author_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "forum_reply"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."forum_thread_program_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."forum_thread_author_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "forum_thread"
        `);
        await queryRunner.query(`DROP FUNCTION forum_normalize(text)`);
    }

}
