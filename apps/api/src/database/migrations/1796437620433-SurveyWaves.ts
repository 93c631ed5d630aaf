import { MigrationInterface, QueryRunner } from "typeorm";

export class SurveyWaves1796437620433 implements MigrationInterface {
    name = 'SurveyWaves1796437620433'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "survey_item"
            ADD "source" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_item"
            ADD "baseline" boolean NOT NULL DEFAULT false
        `);
        // Written by hand: TypeORM's diff does not compare CHECK expressions. The baseline wave joins the kinds.
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "survey_response_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "survey_response_kind" CHECK (kind IN ('baseline', 'end', 'session'))
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "survey_response_baseline_once" ON "survey_response" ("program_id", "respondent_id")
            WHERE kind = 'baseline'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."survey_response_baseline_once"
        `);
        // Baseline answers cannot stay under the old constraint: they go with the wave.
        await queryRunner.query(`
            DELETE FROM "survey_response" WHERE kind = 'baseline'
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "survey_response_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "survey_response_kind" CHECK (kind IN ('end', 'session'))
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_item" DROP COLUMN "baseline"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_item" DROP COLUMN "source"
        `);
    }

}
