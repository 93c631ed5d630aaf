import { MigrationInterface, QueryRunner } from "typeorm";

/** The randomized allocation of scarce places (issue 15): one lottery per program, one draw per mentee. */
export class Allocations1796403397689 implements MigrationInterface {
    name = 'Allocations1796403397689'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "allocation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "program_id" uuid NOT NULL,
                "seed" character varying(128) NOT NULL,
                "places" integer NOT NULL,
                "stratify_by" character varying(16) NOT NULL DEFAULT 'none',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "allocation_one_per_program" UNIQUE ("program_id"),
                CONSTRAINT "allocation_stratify_by" CHECK (stratify_by IN ('none', 'year_of_study')),
                CONSTRAINT "allocation_places_positive" CHECK (places >= 1),
                CONSTRAINT "PK_7df89c736595e454b6ae07264fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "allocation_entry" (
                "allocation_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "program_id" uuid NOT NULL,
                "outcome" character varying(10) NOT NULL,
                "rank" integer NOT NULL,
                "hash" character(64) NOT NULL,
                "stratum" character varying(20) NOT NULL,
                "follow_on_program_id" uuid,
                CONSTRAINT "allocation_entry_program_user" UNIQUE ("program_id", "user_id"),
                CONSTRAINT "allocation_entry_rank_positive" CHECK (rank >= 1),
                CONSTRAINT "allocation_entry_outcome" CHECK (outcome IN ('offered', 'waitlisted')),
                CONSTRAINT "PK_c40ce754e7815402cddc120831d" PRIMARY KEY ("allocation_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "allocation_entry_allocation_idx" ON "allocation_entry" ("allocation_id", "outcome")
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation"
            ADD CONSTRAINT "FK_44338e4bc1312633648de1df571" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation"
            ADD CONSTRAINT "FK_f8804a9f6c86b55689f8f853a5e" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry"
            ADD CONSTRAINT "FK_dbd4d89fb142e7f4de20b7a8ce2" FOREIGN KEY ("allocation_id") REFERENCES "allocation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry"
            ADD CONSTRAINT "FK_9dfcbe13a5906906a1b58219935" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry"
            ADD CONSTRAINT "FK_94e80f9517fbccf0bf5b7e6e91f" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry"
            ADD CONSTRAINT "FK_ca4229172c520bd07d1d8087b73" FOREIGN KEY ("follow_on_program_id") REFERENCES "program"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "allocation_entry" DROP CONSTRAINT "FK_ca4229172c520bd07d1d8087b73"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry" DROP CONSTRAINT "FK_94e80f9517fbccf0bf5b7e6e91f"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry" DROP CONSTRAINT "FK_9dfcbe13a5906906a1b58219935"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_entry" DROP CONSTRAINT "FK_dbd4d89fb142e7f4de20b7a8ce2"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation" DROP CONSTRAINT "FK_f8804a9f6c86b55689f8f853a5e"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation" DROP CONSTRAINT "FK_44338e4bc1312633648de1df571"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."allocation_entry_allocation_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "allocation_entry"
        `);
        await queryRunner.query(`
            DROP TABLE "allocation"
        `);
    }

}
