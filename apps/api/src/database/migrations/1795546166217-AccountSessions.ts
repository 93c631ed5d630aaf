import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountSessions1795546166217 implements MigrationInterface {
    name = 'AccountSessions1795546166217'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD "session_version" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD "deactivated_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD "session_version" integer NOT NULL DEFAULT '0'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP COLUMN "session_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP COLUMN "deactivated_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP COLUMN "session_version"
        `);
    }

}
