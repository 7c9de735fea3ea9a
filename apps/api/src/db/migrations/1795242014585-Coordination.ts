import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Coordination1795242014585 implements MigrationInterface {
  name = 'Coordination1795242014585';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."alert_state" AS ENUM('DRAFT', 'ISSUED', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cap_status" AS ENUM('ACTUAL', 'EXERCISE', 'SYSTEM', 'TEST', 'DRAFT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cap_msg_type" AS ENUM('ALERT', 'UPDATE', 'CANCEL', 'ACK', 'ERROR')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."cap_scope" AS ENUM('PUBLIC', 'RESTRICTED', 'PRIVATE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."cap_urgency" AS ENUM('IMMEDIATE', 'EXPECTED', 'FUTURE', 'PAST', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cap_severity" AS ENUM('EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cap_certainty" AS ENUM('OBSERVED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "identifier" text NOT NULL, "situation_id" uuid NOT NULL, "sender_actor_id" uuid NOT NULL, "assessment_id" uuid, "state" "public"."alert_state" NOT NULL DEFAULT 'DRAFT', "status" "public"."cap_status" NOT NULL DEFAULT 'ACTUAL', "msg_type" "public"."cap_msg_type" NOT NULL DEFAULT 'ALERT', "scope" "public"."cap_scope" NOT NULL DEFAULT 'RESTRICTED', "urgency" "public"."cap_urgency" NOT NULL, "severity" "public"."cap_severity" NOT NULL, "certainty" "public"."cap_certainty" NOT NULL, "headline" text NOT NULL, "description" text, "instruction" text, "area_desc" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ad91cad659a3536465d564a4b2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "alert_assessment_idx" ON "alert"  ("assessment_id") `);
    await queryRunner.query(`CREATE INDEX "alert_created_idx" ON "alert"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "alert_state_idx" ON "alert"  ("state", "created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "alert_situation_idx" ON "alert"  ("situation_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "alert_identifier_key" ON "alert"  ("identifier") `);
    await queryRunner.query(
      `CREATE TABLE "alert_recipient" ("alert_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by_user_id" uuid, CONSTRAINT "PK_32ac7819a428b39948805a2ce8d" PRIMARY KEY ("alert_id", "actor_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "alert_recipient_actor_idx" ON "alert_recipient"  ("actor_id") `);
    await queryRunner.query(
      `CREATE TABLE "alert_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "situation_id" uuid, "min_level" "public"."risk_level" NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_e9bf555f33872d7b50eb2421a17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "alert_rule_situation_key" ON "alert_rule"  ("situation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "change_log" ("position" BIGSERIAL NOT NULL, "topic" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "plan_id" uuid, "actor_ids" uuid array NOT NULL DEFAULT '{}', "kind" text NOT NULL, "user_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_c1d135a768c6a0cde2af23ee8bf" PRIMARY KEY ("position"))`,
    );
    await queryRunner.query(`CREATE INDEX "change_log_occurred_idx" ON "change_log"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "change_log_plan_idx" ON "change_log"  ("plan_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "plan_id" uuid NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "kind" text NOT NULL, "fields" jsonb NOT NULL, "snapshot" jsonb, "user_id" uuid, "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_f4767cdf0c0e78041514e5a94be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "revision_entity_idx" ON "revision"  ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(`CREATE INDEX "revision_plan_seq_idx" ON "revision"  ("plan_id", "seq") `);
    await queryRunner.query(`CREATE TYPE "public"."import_status" AS ENUM('RUNNING', 'SUCCEEDED', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "situation_id" uuid NOT NULL, "format" text NOT NULL, "status" "public"."import_status" NOT NULL DEFAULT 'RUNNING', "total_rows" integer NOT NULL DEFAULT '0', "processed_rows" integer NOT NULL DEFAULT '0', "imported_rows" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "import_job_situation_idx" ON "import_job"  ("situation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text, "entity_type" text, "entity_id" uuid, "dedupe_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"  ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_actor_idx" ON "notification"  ("actor_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_lease" ("task_id" uuid NOT NULL, "holder_user_id" uuid NOT NULL, "holder_actor_id" uuid, "acquired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_84aa48afe7735cc85b5bb0b708f" PRIMARY KEY ("task_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "task_lease_holder_idx" ON "task_lease"  ("holder_user_id") `);
    await queryRunner.query(
      `CREATE TABLE "presence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "user_id" uuid NOT NULL, "client_id" text NOT NULL, "mode" text NOT NULL DEFAULT 'VIEWING', "focus" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "presence_mode" CHECK ("mode" IN ('VIEWING', 'EDITING')), CONSTRAINT "PK_e0088b38d7cf2dc6ad815d33e7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "presence_plan_expires_idx" ON "presence"  ("plan_id", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "presence_client_key" ON "presence"  ("plan_id", "user_id", "client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "score_indicator" ("score_id" uuid NOT NULL, "risk_indicator_id" uuid NOT NULL, "present" boolean NOT NULL DEFAULT true, "note" text, CONSTRAINT "PK_8fbfe8b6141a9d6fd6abac00265" PRIMARY KEY ("score_id", "risk_indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "score_indicator_indicator_idx" ON "score_indicator"  ("risk_indicator_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "observation_indicator" ("observation_id" uuid NOT NULL, "risk_indicator_id" uuid NOT NULL, CONSTRAINT "PK_31a449692b413e0681af6d2c7aa" PRIMARY KEY ("observation_id", "risk_indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "observation_indicator_indicator_idx" ON "observation_indicator"  ("risk_indicator_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "webhook_subscription_events_known" CHECK ("events" <@ ARRAY['ALERT_ISSUED', 'ASSIGNMENT_ANSWERED', 'PLAN_STATUS_CHANGED']::text[] AND cardinality("events") > 0), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_subscription_actor_idx" ON "webhook_subscription"  ("actor_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."delivery_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscription_id" uuid NOT NULL, "event_id" text NOT NULL, "event" text NOT NULL, "payload" jsonb NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webhook_delivery_dedupe_key" ON "webhook_delivery"  ("subscription_id", "event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_subscription_idx" ON "webhook_delivery"  ("subscription_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."source_reliability" AS ENUM('A', 'B', 'C', 'D', 'E', 'F')`,
    );
    await queryRunner.query(`ALTER TABLE "observation" ADD "reliability" "public"."source_reliability"`);
    await queryRunner.query(`ALTER TABLE "observation" ADD "external_id" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "observation_external_key" ON "observation"  ("situation_id", "source_kind", "external_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "alert" ADD CONSTRAINT "FK_5caf37b709531bd81bc9e5f43c4" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert" ADD CONSTRAINT "FK_811e2913ecdb171a861e3ef946b" FOREIGN KEY ("sender_actor_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert" ADD CONSTRAINT "FK_4885ed37d3797cfcbe88853edc5" FOREIGN KEY ("assessment_id") REFERENCES "risk_assessment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_recipient" ADD CONSTRAINT "FK_9cae65a22e6cc9a8495bb086f5c" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_recipient" ADD CONSTRAINT "FK_b64348f1f3cb04b408d24a13909" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_rule" ADD CONSTRAINT "FK_dd2cd9af643f0739325e3e47aa2" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "FK_407dbc2d6eaf50a25f2d9e6772a" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_16addcdc44128a517daeddd4491" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_lease" ADD CONSTRAINT "FK_84aa48afe7735cc85b5bb0b708f" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_lease" ADD CONSTRAINT "FK_6b99e8c5bece6765de7a727f2d6" FOREIGN KEY ("holder_user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_lease" ADD CONSTRAINT "FK_f875f94bf0237bc9e1d9708e78f" FOREIGN KEY ("holder_actor_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "presence" ADD CONSTRAINT "FK_9504b5730fc61e5e05a2054b6db" FOREIGN KEY ("plan_id") REFERENCES "response_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "presence" ADD CONSTRAINT "FK_2d943395d4e633af46c12d58f0f" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_indicator" ADD CONSTRAINT "FK_acb19013eeabc1362c70501c8d0" FOREIGN KEY ("score_id") REFERENCES "risk_factor_score"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_indicator" ADD CONSTRAINT "FK_6d6b9062327c6b5609dbfe1deae" FOREIGN KEY ("risk_indicator_id") REFERENCES "risk_indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation_indicator" ADD CONSTRAINT "FK_08f252ebc26112a51ab732ef9b7" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation_indicator" ADD CONSTRAINT "FK_945b032985d32386d11ceb73266" FOREIGN KEY ("risk_indicator_id") REFERENCES "risk_indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" ADD CONSTRAINT "FK_c836701f0ba920cd8ecb64fecbb" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_236a6a1218756223393d1fb5acc" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_236a6a1218756223393d1fb5acc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" DROP CONSTRAINT "FK_c836701f0ba920cd8ecb64fecbb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation_indicator" DROP CONSTRAINT "FK_945b032985d32386d11ceb73266"`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation_indicator" DROP CONSTRAINT "FK_08f252ebc26112a51ab732ef9b7"`,
    );
    await queryRunner.query(`ALTER TABLE "score_indicator" DROP CONSTRAINT "FK_6d6b9062327c6b5609dbfe1deae"`);
    await queryRunner.query(`ALTER TABLE "score_indicator" DROP CONSTRAINT "FK_acb19013eeabc1362c70501c8d0"`);
    await queryRunner.query(`ALTER TABLE "presence" DROP CONSTRAINT "FK_2d943395d4e633af46c12d58f0f"`);
    await queryRunner.query(`ALTER TABLE "presence" DROP CONSTRAINT "FK_9504b5730fc61e5e05a2054b6db"`);
    await queryRunner.query(`ALTER TABLE "task_lease" DROP CONSTRAINT "FK_f875f94bf0237bc9e1d9708e78f"`);
    await queryRunner.query(`ALTER TABLE "task_lease" DROP CONSTRAINT "FK_6b99e8c5bece6765de7a727f2d6"`);
    await queryRunner.query(`ALTER TABLE "task_lease" DROP CONSTRAINT "FK_84aa48afe7735cc85b5bb0b708f"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_16addcdc44128a517daeddd4491"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "FK_407dbc2d6eaf50a25f2d9e6772a"`);
    await queryRunner.query(`ALTER TABLE "alert_rule" DROP CONSTRAINT "FK_dd2cd9af643f0739325e3e47aa2"`);
    await queryRunner.query(`ALTER TABLE "alert_recipient" DROP CONSTRAINT "FK_b64348f1f3cb04b408d24a13909"`);
    await queryRunner.query(`ALTER TABLE "alert_recipient" DROP CONSTRAINT "FK_9cae65a22e6cc9a8495bb086f5c"`);
    await queryRunner.query(`ALTER TABLE "alert" DROP CONSTRAINT "FK_4885ed37d3797cfcbe88853edc5"`);
    await queryRunner.query(`ALTER TABLE "alert" DROP CONSTRAINT "FK_811e2913ecdb171a861e3ef946b"`);
    await queryRunner.query(`ALTER TABLE "alert" DROP CONSTRAINT "FK_5caf37b709531bd81bc9e5f43c4"`);
    await queryRunner.query(`DROP INDEX "public"."observation_external_key"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "external_id"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "reliability"`);
    await queryRunner.query(`DROP TYPE "public"."source_reliability"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_subscription_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_status"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_subscription_actor_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_subscription"`);
    await queryRunner.query(`DROP INDEX "public"."observation_indicator_indicator_idx"`);
    await queryRunner.query(`DROP TABLE "observation_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."score_indicator_indicator_idx"`);
    await queryRunner.query(`DROP TABLE "score_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."presence_client_key"`);
    await queryRunner.query(`DROP INDEX "public"."presence_plan_expires_idx"`);
    await queryRunner.query(`DROP TABLE "presence"`);
    await queryRunner.query(`DROP INDEX "public"."task_lease_holder_idx"`);
    await queryRunner.query(`DROP TABLE "task_lease"`);
    await queryRunner.query(`DROP INDEX "public"."notification_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."import_job_situation_idx"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
    await queryRunner.query(`DROP TYPE "public"."import_status"`);
    await queryRunner.query(`DROP INDEX "public"."revision_plan_seq_idx"`);
    await queryRunner.query(`DROP INDEX "public"."revision_entity_idx"`);
    await queryRunner.query(`DROP TABLE "revision"`);
    await queryRunner.query(`DROP INDEX "public"."change_log_plan_idx"`);
    await queryRunner.query(`DROP INDEX "public"."change_log_occurred_idx"`);
    await queryRunner.query(`DROP TABLE "change_log"`);
    await queryRunner.query(`DROP INDEX "public"."alert_rule_situation_key"`);
    await queryRunner.query(`DROP TABLE "alert_rule"`);
    await queryRunner.query(`DROP INDEX "public"."alert_recipient_actor_idx"`);
    await queryRunner.query(`DROP TABLE "alert_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."alert_identifier_key"`);
    await queryRunner.query(`DROP INDEX "public"."alert_situation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alert_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alert_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alert_assessment_idx"`);
    await queryRunner.query(`DROP TABLE "alert"`);
    await queryRunner.query(`DROP TYPE "public"."cap_certainty"`);
    await queryRunner.query(`DROP TYPE "public"."cap_severity"`);
    await queryRunner.query(`DROP TYPE "public"."cap_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."cap_scope"`);
    await queryRunner.query(`DROP TYPE "public"."cap_msg_type"`);
    await queryRunner.query(`DROP TYPE "public"."cap_status"`);
    await queryRunner.query(`DROP TYPE "public"."alert_state"`);
  }
}
