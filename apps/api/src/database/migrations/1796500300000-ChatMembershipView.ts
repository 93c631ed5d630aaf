import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat membership (issue 17), three pieces that belong together:
 *
 * 1. `conversation_member`, a view: who belongs to each conversation now, and whether it is open for new
 *    messages. A pair: its mentor and mentee, for good (an ended mentorship stays readable), open while the
 *    mentorship is active. A group: the mentor and the mentees they mentor in the program right now, open while
 *    there is at least one. The chat's membership check and its conversation list both read it, instead of SQL
 *    fragments spliced by table alias. Views without an entity are invisible to TypeORM's drift check.
 *
 * 2. `pm_membership_changed` notifications, so every API instance may keep memberships in memory
 *    (chat/membership-cache.ts) and drop them the moment they change. The payload is `<program id>:<mentor id>`:
 *    every conversation a mentorship row affects (its pair, and the mentor's group in the program) carries that
 *    key, so an instance drops exactly those. A trigger, not application code, sends it: no path that ends,
 *    deletes (an erased account cascades here) or reassigns a mentorship can forget it, and PostgreSQL delivers
 *    it only once the change commits. A conversation's INSERT needs none (a conversation nobody has looked up
 *    is not cached), and its counter updates (every message) must not send one.
 *
 * 3. Conversations made with their mentorship: the pair's at INSERT, the mentor's group once they have two
 *    active mentees in the program; existing mentorships are backfilled. Before, the chat created them lazily
 *    whenever someone listed or connected, a write on every read path.
 */
export class ChatMembershipView1796500300000 implements MigrationInterface {
    name = 'ChatMembershipView1796500300000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE VIEW "conversation_member" AS
            SELECT c.id AS conversation_id, m.mentor_id AS user_id, true AS is_mentor, m.created_at AS since, m.status = 'active' AS open
              FROM "conversation" c JOIN "mentorship" m ON m.id = c.mentorship_id
            UNION ALL
            SELECT c.id, m.mentee_id, false, m.created_at, m.status = 'active'
              FROM "conversation" c JOIN "mentorship" m ON m.id = c.mentorship_id
            UNION ALL
            SELECT c.id, c.mentor_id, true, c.created_at,
                   EXISTS (SELECT 1 FROM "mentorship" g WHERE g.program_id = c.program_id AND g.mentor_id = c.mentor_id AND g.status = 'active')
              FROM "conversation" c WHERE c.kind = 'group'
            UNION ALL
            SELECT c.id, g.mentee_id, false, g.created_at, true
              FROM "conversation" c JOIN "mentorship" g ON g.program_id = c.program_id AND g.mentor_id = c.mentor_id AND g.status = 'active'
             WHERE c.kind = 'group'
        `);
        await queryRunner.query(`
            CREATE FUNCTION "notify_membership_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    PERFORM pg_notify('pm_membership_changed', OLD.program_id::text || ':' || OLD.mentor_id::text);
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    PERFORM pg_notify('pm_membership_changed', NEW.program_id::text || ':' || NEW.mentor_id::text);
                END IF;
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "mentorship_membership_changed"
            AFTER INSERT OR UPDATE OF "status", "program_id", "mentor_id", "mentee_id" OR DELETE ON "mentorship"
            FOR EACH ROW EXECUTE FUNCTION "notify_membership_changed"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "conversation_membership_changed"
            AFTER UPDATE OF "kind", "program_id", "mentor_id", "mentorship_id" OR DELETE ON "conversation"
            FOR EACH ROW EXECUTE FUNCTION "notify_membership_changed"()
        `);
        // ON CONFLICT DO NOTHING: the unique indexes (one conversation per mentorship, one group per mentor and
        // program) keep concurrent inserts, and code that still inserts a pair's conversation itself, harmless.
        await queryRunner.query(`
            CREATE FUNCTION "create_mentorship_conversations"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO "conversation" (kind, program_id, mentorship_id, mentor_id)
                    VALUES ('mentorship', NEW.program_id, NEW.id, NEW.mentor_id) ON CONFLICT DO NOTHING;
                END IF;
                IF NEW.status = 'active' AND (SELECT count(*) FROM "mentorship" g
                     WHERE g.program_id = NEW.program_id AND g.mentor_id = NEW.mentor_id AND g.status = 'active') >= 2 THEN
                    INSERT INTO "conversation" (kind, program_id, mentor_id)
                    VALUES ('group', NEW.program_id, NEW.mentor_id) ON CONFLICT DO NOTHING;
                END IF;
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "mentorship_conversations"
            AFTER INSERT OR UPDATE OF "status", "mentor_id" ON "mentorship"
            FOR EACH ROW EXECUTE FUNCTION "create_mentorship_conversations"()
        `);
        await queryRunner.query(`
            INSERT INTO "conversation" (kind, program_id, mentorship_id, mentor_id)
            SELECT 'mentorship', m.program_id, m.id, m.mentor_id FROM "mentorship" m
            ON CONFLICT DO NOTHING
        `);
        await queryRunner.query(`
            INSERT INTO "conversation" (kind, program_id, mentor_id)
            SELECT 'group', g.program_id, g.mentor_id FROM "mentorship" g WHERE g.status = 'active'
             GROUP BY g.program_id, g.mentor_id HAVING count(*) >= 2
            ON CONFLICT DO NOTHING
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The backfilled conversations stay: the code before this migration created them lazily anyway.
        await queryRunner.query(`DROP TRIGGER "mentorship_conversations" ON "mentorship"`);
        await queryRunner.query(`DROP FUNCTION "create_mentorship_conversations"()`);
        await queryRunner.query(`DROP TRIGGER "conversation_membership_changed" ON "conversation"`);
        await queryRunner.query(`DROP TRIGGER "mentorship_membership_changed" ON "mentorship"`);
        await queryRunner.query(`DROP FUNCTION "notify_membership_changed"()`);
        await queryRunner.query(`DROP VIEW "conversation_member"`);
    }
}
