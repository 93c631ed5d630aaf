import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795535733026 implements MigrationInterface {
    name = 'Initial1795535733026'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid,
                "action" character varying(64) NOT NULL,
                "program_id" uuid,
                "subject_user_id" uuid,
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_log_program_idx" ON "audit_log" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('student', 'coordinator', 'admin')
        `);
        await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "password_hash" text NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "year_of_study" smallint,
                "interests" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "modalities" text array NOT NULL DEFAULT '{}',
                "campus" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "app_user_email_lowercase" CHECK (email = lower(email)),
                CONSTRAINT "app_user_year_of_study_range" CHECK (
                    year_of_study IS NULL
                    OR year_of_study BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_token_user_idx" ON "refresh_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_token_family_idx" ON "refresh_token" ("family_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "program" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "timezone" character varying(64) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "program_dates_ordered" CHECK (ends_on >= starts_on),
                CONSTRAINT "PK_3bade5945afbafefdd26a3a29fb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."enrollment_role" AS ENUM('mentor', 'mentee')
        `);
        await queryRunner.query(`
            CREATE TABLE "enrollment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" "public"."enrollment_role" NOT NULL,
                "capacity" smallint,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "enrollment_program_user_key" UNIQUE ("program_id", "user_id"),
                CONSTRAINT "enrollment_capacity_for_mentors" CHECK (
                    (
                        role = 'mentor'
                        AND capacity >= 1
                    )
                    OR (
                        role = 'mentee'
                        AND capacity IS NULL
                    )
                ),
                CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "enrollment_user_idx" ON "enrollment" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "program_coordinator" (
                "program_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_788ba7895e810d01a83ca4adf40" PRIMARY KEY ("program_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "program_coordinator_user_idx" ON "program_coordinator" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "app_setting" (
                "key" character varying(64) NOT NULL,
                "value" text NOT NULL,
                CONSTRAINT "PK_0d66bfb0d9f93124a4549d21af0" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "program"
            ADD CONSTRAINT "FK_726cb3c3de04ac6f7f4c98bd961" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollment"
            ADD CONSTRAINT "FK_5d4ddd9d8080e95d21884b019a6" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollment"
            ADD CONSTRAINT "FK_fc17c7e94154a17e767b7674f12" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "program_coordinator"
            ADD CONSTRAINT "FK_ba96c3873c8df4c49f349c6f7ab" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "program_coordinator"
            ADD CONSTRAINT "FK_04d57cfeef148946b2d911ad4b7" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "program_coordinator" DROP CONSTRAINT "FK_04d57cfeef148946b2d911ad4b7"
        `);
        await queryRunner.query(`
            ALTER TABLE "program_coordinator" DROP CONSTRAINT "FK_ba96c3873c8df4c49f349c6f7ab"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollment" DROP CONSTRAINT "FK_fc17c7e94154a17e767b7674f12"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollment" DROP CONSTRAINT "FK_5d4ddd9d8080e95d21884b019a6"
        `);
        await queryRunner.query(`
            ALTER TABLE "program" DROP CONSTRAINT "FK_726cb3c3de04ac6f7f4c98bd961"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
        await queryRunner.query(`
            DROP TABLE "app_setting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."program_coordinator_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "program_coordinator"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrollment_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "enrollment"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."enrollment_role"
        `);
        await queryRunner.query(`
            DROP TABLE "program"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_family_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."app_user_email_key"
        `);
        await queryRunner.query(`
            DROP TABLE "app_user"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_log_program_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
