import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Access1795240784011 implements MigrationInterface {
  name = 'Access1795240784011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, CONSTRAINT "user_account_email_lowercase" CHECK ("email" = lower("email")), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "user_account_email_key" ON "user_account"  ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."membership_role" AS ENUM('ADMIN', 'LIAISON', 'PARTNER', 'VIEWER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "role" "public"."membership_role" NOT NULL, CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "membership_actor_idx" ON "membership"  ("actor_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "membership_user_actor_key" ON "membership"  ("user_id", "actor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "secret_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idle_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "absolute_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip_address" text, "user_agent" text, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "session_user_idx" ON "session"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "session_secret_hash_key" ON "session"  ("secret_hash") `);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "action" text NOT NULL, "outcome" text NOT NULL DEFAULT 'SUCCESS', "entity_type" text, "entity_id" uuid, "user_id" uuid, "actor_id" uuid, "session_id" uuid, "token_id" uuid, "request_id" text, "ip_address" text, "changes" jsonb, "details" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_action_idx" ON "audit_event"  ("action", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_actor_idx" ON "audit_event"  ("actor_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_user_idx" ON "audit_event"  ("user_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_entity_idx" ON "audit_event"  ("entity_type", "entity_id", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event"  ("occurred_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" text NOT NULL, "secret_hash" text NOT NULL, "actor_id" uuid NOT NULL, "created_by_user_id" uuid, "scopes" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_token_scopes_not_empty" CHECK (cardinality("scopes") > 0), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "api_token_actor_idx" ON "api_token"  ("actor_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_token_secret_hash_key" ON "api_token"  ("secret_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rate_limit_bucket" ("key" text NOT NULL, "tokens" double precision NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_a43b65197032ae45d9c6a16fedc" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "FK_a4bc1aefda39c22e2fabbd1249f" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "FK_4a865bf1ab72c27c0b8e784b349" FOREIGN KEY ("created_by_user_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scopes_known" CHECK ("scopes" <@ ARRAY['READ_GRAPH', 'READ_ASSESSMENTS', 'WRITE_ASSIGNMENTS']::text[])`,
    );
    // The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await queryRunner.query(
      `CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_change ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "FK_4a865bf1ab72c27c0b8e784b349"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "FK_a4bc1aefda39c22e2fabbd1249f"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_a43b65197032ae45d9c6a16fedc"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d"`);
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
    await queryRunner.query(`DROP INDEX "public"."api_token_secret_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."api_token_actor_idx"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_action_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP INDEX "public"."session_secret_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."session_user_idx"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."membership_user_actor_key"`);
    await queryRunner.query(`DROP INDEX "public"."membership_actor_idx"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP TYPE "public"."membership_role"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_email_key"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
