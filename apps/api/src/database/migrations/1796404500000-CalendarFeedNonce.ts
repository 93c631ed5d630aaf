import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * calendar_feed.token_nonce: the random half of a feed token, so the owner can see their address again (the
 * token is HMAC(server key, user id + nonce); only its hash is used to find the feed). Existing feeds keep
 * working with a null nonce; their owners see the address again after replacing it once.
 */
export class CalendarFeedNonce1796404500000 implements MigrationInterface {
    name = 'CalendarFeedNonce1796404500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feed"
            ADD "token_nonce" character varying(43)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feed" DROP COLUMN "token_nonce"
        `);
    }

}
