import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Running the relationship (issue 14): agreements and their template, session logs, check-ins, referrals and
 * the last computed status of each pair (for notifying a pair that turns to need attention once).
 */
export class Relationship1796403779363 implements MigrationInterface {
    name = 'Relationship1796403779363'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "agreement_template" (
                "program_id" uuid NOT NULL,
                "goals_en" jsonb NOT NULL,
                "goals_fa" jsonb NOT NULL,
                "meetings_per_month" smallint NOT NULL,
                "confidentiality_en" text NOT NULL,
                "confidentiality_fa" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "agreement_template_meetings" CHECK (
                    "meetings_per_month" BETWEEN 1 AND 12
                ),
                CONSTRAINT "agreement_template_goals_arrays" CHECK (
                    jsonb_typeof("goals_en") = 'array'
                    AND jsonb_typeof("goals_fa") = 'array'
                ),
                CONSTRAINT "PK_34d7414a8522efaf898ad3e05e9" PRIMARY KEY ("program_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "mentorship_agreement" (
                "mentorship_id" uuid NOT NULL,
                "goals" jsonb NOT NULL,
                "meetings_per_month" smallint NOT NULL,
                "confidentiality_en" text NOT NULL,
                "confidentiality_fa" text NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "signed_by_mentor_at" TIMESTAMP WITH TIME ZONE,
                "signed_by_mentee_at" TIMESTAMP WITH TIME ZONE,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mentorship_agreement_meetings" CHECK (
                    "meetings_per_month" BETWEEN 1 AND 12
                ),
                CONSTRAINT "mentorship_agreement_goals_array" CHECK (jsonb_typeof("goals") = 'array'),
                CONSTRAINT "PK_c38db88958917e4bf0013f2447e" PRIMARY KEY ("mentorship_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "mentorship_check_in" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "mentorship_id" uuid NOT NULL,
                "mentee_id" uuid NOT NULL,
                "rating" smallint NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mentorship_check_in_comment_length" CHECK (
                    "comment" IS NULL
                    OR char_length("comment") <= 1000
                ),
                CONSTRAINT "mentorship_check_in_rating" CHECK (
                    "rating" BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_3ef4e5a0caa9700bbf912810bb6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "mentorship_check_in_latest_idx" ON "mentorship_check_in" ("mentorship_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."pair_status" AS ENUM('at_risk', 'needs_check_in', 'on_track')
        `);
        await queryRunner.query(`
            CREATE TABLE "pair_health_state" (
                "mentorship_id" uuid NOT NULL,
                "status" "public"."pair_status" NOT NULL,
                "episode" integer NOT NULL DEFAULT '0',
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d42d9fc61a7818206a159ffce6c" PRIMARY KEY ("mentorship_id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."referral_urgency" AS ENUM('routine', 'soon', 'urgent')
        `);
        await queryRunner.query(`
            CREATE TABLE "referral" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "student_id" uuid NOT NULL,
                "message" text NOT NULL,
                "urgency" "public"."referral_urgency" NOT NULL DEFAULT 'routine',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_by_id" uuid,
                "close_note" text,
                CONSTRAINT "referral_closed" CHECK (
                    ("closed_at" IS NULL) = ("close_note" IS NULL)
                    AND ("closed_at" IS NULL) = ("closed_by_id" IS NULL)
                ),
                CONSTRAINT "referral_message_length" CHECK (
                    char_length("message") BETWEEN 1 AND 4000
                ),
                CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_student_idx" ON "referral" ("student_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_program_idx" ON "referral" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_log" (
                "session_id" uuid NOT NULL,
                "mentorship_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "topics" character varying array NOT NULL,
                "minutes" smallint NOT NULL,
                "note" text,
                "goal_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "session_log_note_length" CHECK (
                    "note" IS NULL
                    OR char_length("note") <= 2000
                ),
                CONSTRAINT "session_log_topics" CHECK (
                    "topics" <@ ARRAY ['exams','study_skills','wellbeing','career','clinical_skills','research','other']::varchar []
                ),
                CONSTRAINT "session_log_minutes" CHECK (
                    "minutes" BETWEEN 1 AND 600
                ),
                CONSTRAINT "PK_afc0caeb3a7a1267330f77f0e25" PRIMARY KEY ("session_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "session_log_mentorship_idx" ON "session_log" ("mentorship_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_template"
            ADD CONSTRAINT "FK_34d7414a8522efaf898ad3e05e9" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship_agreement"
            ADD CONSTRAINT "FK_c38db88958917e4bf0013f2447e" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship_check_in"
            ADD CONSTRAINT "FK_0749d944476913350cbb625ce28" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pair_health_state"
            ADD CONSTRAINT "FK_d42d9fc61a7818206a159ffce6c" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "FK_2a48fee0a76a89b91e78d7fe3fb" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "FK_188f6d3561f4d0bb75e29f213bc" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "FK_d45efa6106c8b61c8aa84d18518" FOREIGN KEY ("closed_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_log"
            ADD CONSTRAINT "FK_afc0caeb3a7a1267330f77f0e25" FOREIGN KEY ("session_id") REFERENCES "mentoring_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_log"
            ADD CONSTRAINT "FK_e415ce39523f16b00213dccf494" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_log" DROP CONSTRAINT "FK_e415ce39523f16b00213dccf494"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_log" DROP CONSTRAINT "FK_afc0caeb3a7a1267330f77f0e25"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "FK_d45efa6106c8b61c8aa84d18518"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "FK_188f6d3561f4d0bb75e29f213bc"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "FK_2a48fee0a76a89b91e78d7fe3fb"
        `);
        await queryRunner.query(`
            ALTER TABLE "pair_health_state" DROP CONSTRAINT "FK_d42d9fc61a7818206a159ffce6c"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship_check_in" DROP CONSTRAINT "FK_0749d944476913350cbb625ce28"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship_agreement" DROP CONSTRAINT "FK_c38db88958917e4bf0013f2447e"
        `);
        await queryRunner.query(`
            ALTER TABLE "agreement_template" DROP CONSTRAINT "FK_34d7414a8522efaf898ad3e05e9"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."session_log_mentorship_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "session_log"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_program_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_student_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "referral"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."referral_urgency"
        `);
        await queryRunner.query(`
            DROP TABLE "pair_health_state"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."pair_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentorship_check_in_latest_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "mentorship_check_in"
        `);
        await queryRunner.query(`
            DROP TABLE "mentorship_agreement"
        `);
        await queryRunner.query(`
            DROP TABLE "agreement_template"
        `);
    }

}
