import { MigrationInterface, QueryRunner } from "typeorm";

export class Sessions1795539034221 implements MigrationInterface {
    name = 'Sessions1795539034221'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The exclusion constraints compare uuids with = inside a GiST index, which btree_gist provides.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`
            CREATE TABLE "mentor_schedule" (
                "mentor_id" uuid NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "buffer_minutes" smallint NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mentor_schedule_buffer" CHECK (
                    "buffer_minutes" BETWEEN 0 AND 240
                ),
                CONSTRAINT "PK_0a118b99bdfc05e3bc56937670c" PRIMARY KEY ("mentor_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_rule" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "mentor_id" uuid NOT NULL,
                "weekday" smallint NOT NULL,
                "start_minute" smallint NOT NULL,
                "end_minute" smallint NOT NULL,
                CONSTRAINT "availability_rule_minutes" CHECK (
                    "start_minute" >= 0
                    AND "start_minute" < "end_minute"
                    AND "end_minute" <= 1440
                ),
                CONSTRAINT "availability_rule_weekday" CHECK (
                    "weekday" BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_ab7973d62550954d1826c4a0840" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "availability_rule_mentor_idx" ON "availability_rule" ("mentor_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_override" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "mentor_id" uuid NOT NULL,
                "on_date" date NOT NULL,
                "available" boolean NOT NULL,
                "start_minute" smallint,
                "end_minute" smallint,
                CONSTRAINT "availability_override_shape" CHECK (
                    (
                        "available"
                        AND "start_minute" >= 0
                        AND "start_minute" < "end_minute"
                        AND "end_minute" <= 1440
                    )
                    OR (
                        NOT "available"
                        AND "start_minute" IS NULL
                        AND "end_minute" IS NULL
                    )
                ),
                CONSTRAINT "PK_65233ed10f8dc3e16903e06b317" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "availability_override_mentor_idx" ON "availability_override" ("mentor_id", "on_date")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_modality" AS ENUM('in_person', 'virtual')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_status" AS ENUM('scheduled', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "mentoring_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "mentorship_id" uuid NOT NULL,
                "mentor_id" uuid NOT NULL,
                "title" character varying(200),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "modality" "public"."session_modality" NOT NULL,
                "location" character varying(300),
                "meeting_url" character varying(500),
                "seat_limit" smallint NOT NULL DEFAULT '1',
                "series_id" uuid,
                "status" "public"."session_status" NOT NULL DEFAULT 'scheduled',
                "sequence" integer NOT NULL DEFAULT '0',
                "cancel_reason" character varying(500),
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mentoring_session_cancelled_at" CHECK (
                    ("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)
                ),
                CONSTRAINT "mentoring_session_seats" CHECK (
                    "seat_limit" BETWEEN 1 AND 30
                ),
                CONSTRAINT "mentoring_session_place" CHECK (
                    (
                        "modality" = 'in_person'
                        AND "location" IS NOT NULL
                    )
                    OR (
                        "modality" = 'virtual'
                        AND "meeting_url" IS NOT NULL
                    )
                ),
                CONSTRAINT "mentoring_session_times" CHECK (
                    "ends_at" > "starts_at"
                    AND "ends_at" <= "starts_at" + interval '24 hours'
                ),
                CONSTRAINT "mentoring_session_mentor_no_overlap" EXCLUDE USING gist (
                    "mentor_id" WITH =,
                    tstzrange("starts_at", "ends_at", '[)') WITH &&
                )
                WHERE ("status" <> 'cancelled'),
                    CONSTRAINT "PK_bfe67fea6498c985bed26f03459" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "mentoring_session_series_idx" ON "mentoring_session" ("series_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "mentoring_session_program_idx" ON "mentoring_session" ("program_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "mentoring_session_mentor_idx" ON "mentoring_session" ("mentor_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_participant_role" AS ENUM('mentor', 'mentee')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."session_attendance" AS ENUM('attended', 'no_show')
        `);
        await queryRunner.query(`
            CREATE TABLE "session_attendee" (
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" "public"."session_participant_role" NOT NULL,
                "mentorship_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "sequence" integer NOT NULL DEFAULT '0',
                "attendance" "public"."session_attendance",
                "attendance_marked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "session_attendee_attendance_of_mentees" CHECK (
                    "attendance" IS NULL
                    OR "role" = 'mentee'
                ),
                CONSTRAINT "session_attendee_mentee_has_mentorship" CHECK (
                    ("role" = 'mentee') = ("mentorship_id" IS NOT NULL)
                ),
                CONSTRAINT "session_attendee_no_overlap" EXCLUDE USING gist (
                    "user_id" WITH =,
                    tstzrange("starts_at", "ends_at", '[)') WITH &&
                )
                WHERE ("active"),
                    CONSTRAINT "PK_e9b9f6afb511d84a4148d30c5d7" PRIMARY KEY ("session_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "session_attendee_mentorship_idx" ON "session_attendee" ("mentorship_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "session_attendee_user_idx" ON "session_attendee" ("user_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_feed" (
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_29b8f216ae4f5fdd5bcc8de8112" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed" ("token_hash")
        `);
        await queryRunner.query(`
            ALTER TABLE "mentor_schedule"
            ADD CONSTRAINT "FK_0a118b99bdfc05e3bc56937670c" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_rule"
            ADD CONSTRAINT "FK_212f9fba5fa412cdf1299828e44" FOREIGN KEY ("mentor_id") REFERENCES "mentor_schedule"("mentor_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_override"
            ADD CONSTRAINT "FK_0a676598cf77ea816112718331a" FOREIGN KEY ("mentor_id") REFERENCES "mentor_schedule"("mentor_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session"
            ADD CONSTRAINT "FK_9022495b96a2da6913dd5426b5a" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session"
            ADD CONSTRAINT "FK_72281967fdc28b1458003bf3262" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session"
            ADD CONSTRAINT "FK_cac3df5a1350862bd39d2137d4d" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session"
            ADD CONSTRAINT "FK_13df6fb5f72c426a0974de64a95" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee"
            ADD CONSTRAINT "FK_64b4e38001af3e18bfcf3df27d0" FOREIGN KEY ("session_id") REFERENCES "mentoring_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee"
            ADD CONSTRAINT "FK_70c2b46f7b74cd9894af08bbd0d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee"
            ADD CONSTRAINT "FK_c8c26f275c1c391a968539c415d" FOREIGN KEY ("mentorship_id") REFERENCES "mentorship"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feed"
            ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee" DROP CONSTRAINT "FK_c8c26f275c1c391a968539c415d"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee" DROP CONSTRAINT "FK_70c2b46f7b74cd9894af08bbd0d"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendee" DROP CONSTRAINT "FK_64b4e38001af3e18bfcf3df27d0"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session" DROP CONSTRAINT "FK_13df6fb5f72c426a0974de64a95"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session" DROP CONSTRAINT "FK_cac3df5a1350862bd39d2137d4d"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session" DROP CONSTRAINT "FK_72281967fdc28b1458003bf3262"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentoring_session" DROP CONSTRAINT "FK_9022495b96a2da6913dd5426b5a"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_override" DROP CONSTRAINT "FK_0a676598cf77ea816112718331a"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_rule" DROP CONSTRAINT "FK_212f9fba5fa412cdf1299828e44"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentor_schedule" DROP CONSTRAINT "FK_0a118b99bdfc05e3bc56937670c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."calendar_feed_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feed"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."session_attendee_user_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."session_attendee_mentorship_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "session_attendee"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_attendance"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_participant_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentoring_session_mentor_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentoring_session_program_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mentoring_session_series_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "mentoring_session"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."session_modality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."availability_override_mentor_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_override"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."availability_rule_mentor_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_rule"
        `);
        await queryRunner.query(`
            DROP TABLE "mentor_schedule"
        `);
    }

}
