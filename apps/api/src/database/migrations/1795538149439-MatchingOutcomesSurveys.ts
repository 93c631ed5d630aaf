import { MigrationInterface, QueryRunner } from "typeorm";

export class MatchingOutcomesSurveys1795538149439 implements MigrationInterface {
    name = 'MatchingOutcomesSurveys1795538149439'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "match_exclusion" (
                "program_id" uuid NOT NULL,
                "mentee_id" uuid NOT NULL,
                "mentor_id" uuid NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_941c92346d2e42229da3f1f6e7f" PRIMARY KEY ("program_id", "mentee_id", "mentor_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "matching_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "algorithm" character varying(16) NOT NULL,
                "parameters" jsonb NOT NULL DEFAULT '{}',
                "result" jsonb NOT NULL,
                "input_fingerprint" character(64) NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "committed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_68ac5fd0a1c9dd6f733c94bd4c4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "matching_run_program_idx" ON "matching_run" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."mentorship_status" AS ENUM('active', 'ended')
        `);
        await queryRunner.query(`
            CREATE TABLE "mentorship" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "mentee_id" uuid NOT NULL,
                "mentor_id" uuid NOT NULL,
                "status" "public"."mentorship_status" NOT NULL DEFAULT 'active',
                "matching_run_id" uuid,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "ended_reason" character varying(500),
                CONSTRAINT "mentorship_ended_has_reason" CHECK (
                    (
                        status = 'active'
                        AND ended_at IS NULL
                    )
                    OR (
                        status = 'ended'
                        AND ended_at IS NOT NULL
                    )
                ),
                CONSTRAINT "mentorship_distinct_people" CHECK (mentee_id <> mentor_id),
                CONSTRAINT "PK_9db7a3f2fe493dcf5da7526bc9c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "mentorship_mentor_idx" ON "mentorship" ("mentor_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mentorship_one_active_per_mentee" ON "mentorship" ("program_id", "mentee_id")
            WHERE status = 'active'
        `);
        await queryRunner.query(`
            CREATE TABLE "match_preference" (
                "program_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "ranked_user_ids" uuid array NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_998c1f4ebaf35d8640f4becc775" PRIMARY KEY ("program_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "academic_record" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "student_email" character varying(254) NOT NULL,
                "assessment" character varying(200) NOT NULL,
                "taken_on" date NOT NULL,
                "score" double precision NOT NULL,
                "max_score" double precision NOT NULL,
                "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "academic_record_identity" UNIQUE (
                    "program_id",
                    "student_email",
                    "assessment",
                    "taken_on"
                ),
                CONSTRAINT "academic_record_email_lowercase" CHECK (student_email = lower(student_email)),
                CONSTRAINT "academic_record_score_range" CHECK (
                    max_score > 0
                    AND score >= 0
                    AND score <= max_score
                ),
                CONSTRAINT "PK_66ecd32607661f84d3094b4d650" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "academic_record_email_idx" ON "academic_record" ("student_email")
        `);
        await queryRunner.query(`
            CREATE TABLE "survey_item" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "key" character varying(40) NOT NULL,
                "text" character varying(300) NOT NULL,
                "position" smallint NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "survey_item_program_key" UNIQUE ("program_id", "key"),
                CONSTRAINT "PK_86a512e52bc614de2f349773b60" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "survey_response" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "respondent_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "survey_response_kind" CHECK (kind IN ('end', 'session')),
                CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "survey_response_end_once" ON "survey_response" ("program_id", "respondent_id")
            WHERE kind = 'end'
        `);
        await queryRunner.query(`
            CREATE TABLE "survey_answer" (
                "response_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "value" smallint NOT NULL,
                CONSTRAINT "survey_answer_likert" CHECK (
                    value BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_2a34d3a372a800f682e2e26e42c" PRIMARY KEY ("response_id", "item_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion"
            ADD CONSTRAINT "FK_8d99c75983817871a17aa2d89d3" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion"
            ADD CONSTRAINT "FK_99ca9ca1842d517638226c7e30e" FOREIGN KEY ("mentee_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion"
            ADD CONSTRAINT "FK_ded8d2b13f3ae730509f89d18d3" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matching_run"
            ADD CONSTRAINT "FK_cd6e8154976c48cdb8e4702be61" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ADD CONSTRAINT "FK_05542c15a0802d01e62aaa4fcdb" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ADD CONSTRAINT "FK_cacf283801ec5d8142d238c0c54" FOREIGN KEY ("mentee_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ADD CONSTRAINT "FK_10a33d92442e1fca67567242879" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ADD CONSTRAINT "FK_30da2ce87c121af40bf4c9e9c6e" FOREIGN KEY ("matching_run_id") REFERENCES "matching_run"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match_preference"
            ADD CONSTRAINT "FK_488c837e2d3fab62c65763567d2" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match_preference"
            ADD CONSTRAINT "FK_cf18a77124c9162876e4aaa8b9c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "academic_record"
            ADD CONSTRAINT "FK_443f94a7d819cab694ee3b34302" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_item"
            ADD CONSTRAINT "FK_60062bb65e43a7eddd2d6bb2fa1" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "FK_3ad9b9c2babc740af46df66f0d1" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "FK_424073d50382e812bf521a84cd4" FOREIGN KEY ("respondent_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_answer"
            ADD CONSTRAINT "FK_a7223b9109e9d9e0009e8bbc897" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_answer"
            ADD CONSTRAINT "FK_e8c5f6f33bebc73ca2fda85e8c7" FOREIGN KEY ("item_id") REFERENCES "survey_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "survey_answer" DROP CONSTRAINT "FK_e8c5f6f33bebc73ca2fda85e8c7"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_answer" DROP CONSTRAINT "FK_a7223b9109e9d9e0009e8bbc897"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "FK_424073d50382e812bf521a84cd4"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "FK_3ad9b9c2babc740af46df66f0d1"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_item" DROP CONSTRAINT "FK_60062bb65e43a7eddd2d6bb2fa1"
        `);
        await queryRunner.query(`
            ALTER TABLE "academic_record" DROP CONSTRAINT "FK_443f94a7d819cab694ee3b34302"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_preference" DROP CONSTRAINT "FK_cf18a77124c9162876e4aaa8b9c"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_preference" DROP CONSTRAINT "FK_488c837e2d3fab62c65763567d2"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship" DROP CONSTRAINT "FK_30da2ce87c121af40bf4c9e9c6e"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship" DROP CONSTRAINT "FK_10a33d92442e1fca67567242879"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship" DROP CONSTRAINT "FK_cacf283801ec5d8142d238c0c54"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship" DROP CONSTRAINT "FK_05542c15a0802d01e62aaa4fcdb"
        `);
        await queryRunner.query(`
            ALTER TABLE "matching_run" DROP CONSTRAINT "FK_cd6e8154976c48cdb8e4702be61"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion" DROP CONSTRAINT "FK_ded8d2b13f3ae730509f89d18d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion" DROP CONSTRAINT "FK_99ca9ca1842d517638226c7e30e"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_exclusion" DROP CONSTRAINT "FK_8d99c75983817871a17aa2d89d3"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_answer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."survey_response_end_once"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_response"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."academic_record_email_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "academic_record"
        `);
        await queryRunner.query(`
            DROP TABLE "match_preference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentorship_one_active_per_mentee"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentorship_mentor_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "mentorship"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."mentorship_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."matching_run_program_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "matching_run"
        `);
        await queryRunner.query(`
            DROP TABLE "match_exclusion"
        `);
    }

}
