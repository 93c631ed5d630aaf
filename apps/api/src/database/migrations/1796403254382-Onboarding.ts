import { MigrationInterface, QueryRunner } from "typeorm";

export class Onboarding1796403254382 implements MigrationInterface {
    name = 'Onboarding1796403254382'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "invitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "program_id" uuid,
                "role" "public"."enrollment_role",
                "token_hash" character(64) NOT NULL,
                "generation" integer NOT NULL DEFAULT '0',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "invitation_expires_after_creation" CHECK (expires_at > created_at),
                CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "invitation_user_idx" ON "invitation" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "invitation_program_idx" ON "invitation" ("program_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "join_code" (
                "code" character varying(16) NOT NULL,
                "program_id" uuid NOT NULL,
                "role" "public"."enrollment_role" NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_01175d54417be8f4999f598896d" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "join_code_program_idx" ON "join_code" ("program_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "oidc_login" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "state_hash" character(64) NOT NULL,
                "nonce" character varying(128) NOT NULL,
                "code_verifier" character varying(128) NOT NULL,
                "invitation_token_hash" character(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "user_id" uuid,
                "program_id" uuid,
                "handoff_hash" character(64),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "consumed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_907691a74fa6f1ae8f01161ab4c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "oidc_login_state_hash_key" ON "oidc_login" ("state_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "oidc_login_handoff_hash_key" ON "oidc_login" ("handoff_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_identity" (
                "issuer" character varying(255) NOT NULL,
                "subject" character varying(255) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7fe1cb7b4efc3420da673cc6199" PRIMARY KEY ("issuer", "subject")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "user_identity_user_idx" ON "user_identity" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "program"
            ADD "closed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ALTER COLUMN "password_hash" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "FK_dbf801c80100c878509602456ff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "FK_c71efce149152af28eb4fba646a" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "FK_5b173c048c8d6297f7dbf2d853b" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "join_code"
            ADD CONSTRAINT "FK_f76dbebae75c5f3a63cb740328f" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "join_code"
            ADD CONSTRAINT "FK_60398a64dfb8d7086ea63a8811d" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "oidc_login"
            ADD CONSTRAINT "FK_39e9d9900c3e408228e59cf134e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_identity"
            ADD CONSTRAINT "FK_2818839f889ab24f4077437753f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_identity" DROP CONSTRAINT "FK_2818839f889ab24f4077437753f"
        `);
        await queryRunner.query(`
            ALTER TABLE "oidc_login" DROP CONSTRAINT "FK_39e9d9900c3e408228e59cf134e"
        `);
        await queryRunner.query(`
            ALTER TABLE "join_code" DROP CONSTRAINT "FK_60398a64dfb8d7086ea63a8811d"
        `);
        await queryRunner.query(`
            ALTER TABLE "join_code" DROP CONSTRAINT "FK_f76dbebae75c5f3a63cb740328f"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "FK_5b173c048c8d6297f7dbf2d853b"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "FK_c71efce149152af28eb4fba646a"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "FK_dbf801c80100c878509602456ff"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ALTER COLUMN "password_hash"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "program" DROP COLUMN "closed_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."user_identity_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "user_identity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."oidc_login_handoff_hash_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."oidc_login_state_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "oidc_login"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."join_code_program_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "join_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."invitation_program_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."invitation_token_hash_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."invitation_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "invitation"
        `);
    }

}
