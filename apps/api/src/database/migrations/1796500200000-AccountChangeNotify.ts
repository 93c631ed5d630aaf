import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance caches the accounts its guard has checked (auth/account-cache.ts) and must hear at once when
 * one changes. A trigger, not application code, sends the NOTIFY: no path that updates or deletes an account
 * (a password change, a deactivation, a role change, a roster import) can forget it, and PostgreSQL delivers
 * it only when the change commits. Only the columns the cache holds count; a new password hash does not (the
 * session version that a password change bumps does).
 */
export class AccountChangeNotify1796500200000 implements MigrationInterface {
    name = 'AccountChangeNotify1796500200000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE FUNCTION "notify_account_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('pm_account_changed', OLD.id::text);
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "app_user_account_changed"
            AFTER UPDATE OF "session_version", "deactivated_at", "role", "email", "full_name", "year_of_study" OR DELETE ON "app_user"
            FOR EACH ROW EXECUTE FUNCTION "notify_account_changed"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "app_user_account_changed" ON "app_user"`);
        await queryRunner.query(`DROP FUNCTION "notify_account_changed"()`);
    }
}
