import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * mentorship.started_on: the day mentoring began, in the program's time zone. Existing rows take the day they
 * were created on there. A row inserted without it (a committed run, raw SQL in benches and tests) starts
 * today in the program's time zone; the trigger fills it before NOT NULL is checked.
 */
export class MentorshipStartedOn1796403267752 implements MigrationInterface {
    name = 'MentorshipStartedOn1796403267752'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ADD "started_on" date
        `);
        await queryRunner.query(`
            UPDATE "mentorship" m
               SET "started_on" = (m."created_at" AT TIME ZONE p."timezone")::date
              FROM "program" p
             WHERE p."id" = m."program_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship"
            ALTER COLUMN "started_on" SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE FUNCTION "mentorship_started_on_default"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW."started_on" IS NULL THEN
                NEW."started_on" := (now() AT TIME ZONE (SELECT "timezone" FROM "program" WHERE "id" = NEW."program_id"))::date;
              END IF;
              RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "mentorship_started_on_default"
            BEFORE INSERT ON "mentorship"
            FOR EACH ROW EXECUTE FUNCTION "mentorship_started_on_default"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TRIGGER "mentorship_started_on_default" ON "mentorship"
        `);
        await queryRunner.query(`
            DROP FUNCTION "mentorship_started_on_default"()
        `);
        await queryRunner.query(`
            ALTER TABLE "mentorship" DROP COLUMN "started_on"
        `);
    }

}
