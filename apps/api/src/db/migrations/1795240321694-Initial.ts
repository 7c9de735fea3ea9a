import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795240321694 implements MigrationInterface {
  name = 'Initial1795240321694';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."actor_kind" AS ENUM('UN_PRINCIPAL_ORGAN', 'UN_SECRETARIAT_ENTITY', 'UN_PEACE_OPERATION', 'UN_AGENCY_FUND_PROGRAMME', 'REGIONAL_ORGANIZATION', 'REGIONAL_ORGAN', 'REGIONAL_PEACE_OPERATION', 'MEMBER_STATE', 'STATE_INSTITUTION', 'CIVIL_SOCIETY', 'ACADEMIC', 'DATA_PROVIDER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "actor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "acronym" text, "kind" "public"."actor_kind" NOT NULL, "country_code" character(2), "region" text, "description" text, "website" text, "parent_id" uuid, CONSTRAINT "actor_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "PK_05b325494fcc996a44ae6928e5e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "actor_parent_idx" ON "actor"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "actor_created_idx" ON "actor"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "actor_kind_name_idx" ON "actor"  ("kind", "name", "id") `);
    await queryRunner.query(`CREATE INDEX "actor_name_idx" ON "actor"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "mandate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "symbol" text NOT NULL, "title" text NOT NULL, "authorizing_actor_id" uuid NOT NULL, "mission_actor_id" uuid NOT NULL, "adopted_on" date NOT NULL, "expires_on" date, "chapter_vii" boolean NOT NULL DEFAULT false, "troop_ceiling" integer, "police_ceiling" integer, "renews_mandate_id" uuid, CONSTRAINT "mandate_not_self_renewal" CHECK ("renews_mandate_id" IS NULL OR "renews_mandate_id" <> "id"), CONSTRAINT "mandate_ceilings" CHECK (("troop_ceiling" IS NULL OR "troop_ceiling" >= 0) AND ("police_ceiling" IS NULL OR "police_ceiling" >= 0)), CONSTRAINT "mandate_dates" CHECK ("expires_on" IS NULL OR "adopted_on" <= "expires_on"), CONSTRAINT "PK_f11237628fce1a841910382b6de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mandate_adopted_idx" ON "mandate"  ("adopted_on", "id") `);
    await queryRunner.query(`CREATE INDEX "mandate_renews_idx" ON "mandate"  ("renews_mandate_id") `);
    await queryRunner.query(`CREATE INDEX "mandate_authorizing_idx" ON "mandate"  ("authorizing_actor_id") `);
    await queryRunner.query(
      `CREATE INDEX "mandate_mission_idx" ON "mandate"  ("mission_actor_id", "adopted_on", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "mandate_symbol_key" ON "mandate"  ("symbol") `);
    await queryRunner.query(
      `CREATE TYPE "public"."mandated_task_kind" AS ENUM('PROTECTION_OF_CIVILIANS', 'CEASEFIRE_MONITORING', 'HUMAN_RIGHTS_MONITORING', 'HUMANITARIAN_ACCESS', 'PEACE_PROCESS_SUPPORT', 'DDR', 'SSR', 'CHILD_PROTECTION', 'CONFLICT_RELATED_SEXUAL_VIOLENCE', 'ELECTORAL_SUPPORT', 'RULE_OF_LAW', 'STATE_AUTHORITY_EXTENSION', 'MINE_ACTION', 'PUBLIC_INFORMATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "mandated_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mandate_id" uuid NOT NULL, "paragraph_ref" text NOT NULL, "kind" "public"."mandated_task_kind" NOT NULL, "description" text NOT NULL, "priority" smallint NOT NULL DEFAULT '3', "use_of_force" boolean NOT NULL DEFAULT false, CONSTRAINT "mandated_task_priority" CHECK ("priority" BETWEEN 1 AND 5), CONSTRAINT "PK_872b169583a935bd5684e94f725" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mandated_task_mandate_idx" ON "mandated_task"  ("mandate_id", "priority", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_factor_category" AS ENUM('COMMON', 'GENOCIDE', 'CRIMES_AGAINST_HUMANITY', 'WAR_CRIMES')`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_factor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" smallint NOT NULL, "name" text NOT NULL, "category" "public"."risk_factor_category" NOT NULL, "description" text NOT NULL, CONSTRAINT "risk_factor_number" CHECK ("number" BETWEEN 1 AND 14), CONSTRAINT "PK_c8cba10b14fd3d239a3c9243643" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "risk_factor_number_key" ON "risk_factor"  ("number") `);
    await queryRunner.query(
      `CREATE TYPE "public"."situation_status" AS ENUM('WATCH', 'ACTIVE_CRISIS', 'STABILIZING', 'CLOSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "situation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "country_code" character(2) NOT NULL, "admin_areas" text array NOT NULL DEFAULT '{}', "status" "public"."situation_status" NOT NULL DEFAULT 'WATCH', "summary" text, "is_exercise" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_50b87b9a57c35e00e7ae36b417b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "situation_created_idx" ON "situation"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "situation_status_idx" ON "situation"  ("status", "name", "id") `);
    await queryRunner.query(`CREATE INDEX "situation_name_idx" ON "situation"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."plan_status" AS ENUM('DRAFT', 'IN_REVIEW', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CLOSED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "response_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" text NOT NULL, "summary" text, "situation_id" uuid NOT NULL, "lead_actor_id" uuid NOT NULL, "status" "public"."plan_status" NOT NULL DEFAULT 'DRAFT', "starts_on" date, "ends_on" date, CONSTRAINT "response_plan_dates" CHECK ("ends_on" IS NULL OR "starts_on" IS NULL OR "starts_on" <= "ends_on"), CONSTRAINT "PK_af7de23e2fc9bc67203eb854edd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "response_plan_title_idx" ON "response_plan"  ("title", "id") `);
    await queryRunner.query(
      `CREATE INDEX "response_plan_created_idx" ON "response_plan"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "response_plan_status_idx" ON "response_plan"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "response_plan_lead_idx" ON "response_plan"  ("lead_actor_id") `);
    await queryRunner.query(
      `CREATE INDEX "response_plan_situation_idx" ON "response_plan"  ("situation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."phase_kind" AS ENUM('PREVENTION', 'PREVENTIVE_DEPLOYMENT', 'CONTAINMENT', 'STABILIZATION', 'RECOVERY')`,
    );
    await queryRunner.query(
      `CREATE TABLE "phase" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "kind" "public"."phase_kind" NOT NULL, "title" text NOT NULL, "position" integer NOT NULL DEFAULT '0', "starts_on" date, "ends_on" date, CONSTRAINT "phase_dates" CHECK ("ends_on" IS NULL OR "starts_on" IS NULL OR "starts_on" <= "ends_on"), CONSTRAINT "PK_a9cac5076fb19818ed0f871bea8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "phase_plan_idx" ON "phase"  ("plan_id", "position", "id") `);
    await queryRunner.query(
      `CREATE TABLE "objective" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "phase_id" uuid, "title" text NOT NULL, "description" text, "mandated_task_id" uuid, CONSTRAINT "PK_1084365b2a588160b31361a252e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "objective_mandated_task_idx" ON "objective"  ("mandated_task_id") `,
    );
    await queryRunner.query(`CREATE INDEX "objective_phase_idx" ON "objective"  ("phase_id") `);
    await queryRunner.query(
      `CREATE INDEX "objective_plan_idx" ON "objective"  ("plan_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."task_priority" AS ENUM('URGENT', 'HIGH', 'MEDIUM', 'LOW')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."task_status" AS ENUM('DRAFT', 'PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED', 'SUBMITTED', 'VERIFIED', 'REOPENED', 'COMPLETED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "objective_id" uuid, "title" text NOT NULL, "description" text, "priority" "public"."task_priority" NOT NULL DEFAULT 'MEDIUM', "status" "public"."task_status" NOT NULL DEFAULT 'DRAFT', "due_on" date, "location_name" text, CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "task_due_idx" ON "task"  ("due_on", "id") `);
    await queryRunner.query(`CREATE INDEX "task_created_idx" ON "task"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "task_objective_idx" ON "task"  ("objective_id") `);
    await queryRunner.query(`CREATE INDEX "task_plan_due_idx" ON "task"  ("plan_id", "due_on", "id") `);
    await queryRunner.query(
      `CREATE INDEX "task_plan_status_created_idx" ON "task"  ("plan_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "task_plan_created_idx" ON "task"  ("plan_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_role" AS ENUM('LEAD', 'SUPPORT', 'CONSULTED', 'INFORMED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_status" AS ENUM('PROPOSED', 'ACCEPTED', 'DECLINED', 'COUNTER_PROPOSED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "task_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "task_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "role" "public"."assignment_role" NOT NULL, "status" "public"."assignment_status" NOT NULL DEFAULT 'PROPOSED', "reason" text, "respond_by" TIMESTAMP WITH TIME ZONE, "proposed_due_on" date, "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "task_assignment_reason_required" CHECK ("status" NOT IN ('DECLINED', 'COUNTER_PROPOSED') OR ("reason" IS NOT NULL AND length(btrim("reason")) > 0)), CONSTRAINT "PK_bbd5007caf5731217005cccdc0d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_assignment_respond_by_idx" ON "task_assignment"  ("respond_by") WHERE "status" = 'PROPOSED'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "task_assignment_one_open_per_actor" ON "task_assignment"  ("task_id", "actor_id") WHERE "status" NOT IN ('DECLINED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "task_assignment_one_lead" ON "task_assignment"  ("task_id") WHERE "role" = 'LEAD' AND "status" NOT IN ('DECLINED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_assignment_actor_created_idx" ON "task_assignment"  ("actor_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "task_assignment_actor_idx" ON "task_assignment"  ("actor_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "task_assignment_task_idx" ON "task_assignment"  ("task_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."capability_kind" AS ENUM('INFANTRY_BATTALION', 'FORMED_POLICE_UNIT', 'INDIVIDUAL_POLICE_OFFICERS', 'MILITARY_OBSERVERS', 'HELICOPTER_UNIT', 'ENGINEERING_UNIT', 'MEDICAL_UNIT', 'HUMAN_RIGHTS_MONITORS', 'MEDIATORS', 'CHILD_PROTECTION_ADVISERS', 'WOMEN_PROTECTION_ADVISERS', 'HUMANITARIAN_LOGISTICS', 'FUNDING', 'ANALYSTS')`,
    );
    await queryRunner.query(
      `CREATE TABLE "capability_pledge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid NOT NULL, "capability" "public"."capability_kind" NOT NULL, "quantity" integer NOT NULL, "readiness_days" integer NOT NULL, "valid_until" date, "notes" text, CONSTRAINT "capability_pledge_readiness" CHECK ("readiness_days" >= 0), CONSTRAINT "capability_pledge_quantity" CHECK ("quantity" > 0), CONSTRAINT "PK_6f75411dc54574c689981d3c722" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "capability_pledge_actor_idx" ON "capability_pledge"  ("actor_id", "capability") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."partnership_kind" AS ENUM('MEMBER_OF', 'SUBSIDIARY_OF', 'REPORTS_TO', 'AUTHORIZES', 'HOSTS', 'CONTRIBUTES_TROOPS', 'CONTRIBUTES_POLICE', 'FUNDS', 'IMPLEMENTS_FOR', 'COORDINATES_WITH', 'SUPPORTS', 'SUCCEEDED_BY')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."partnership_status" AS ENUM('PROPOSED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "partnership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "source_id" uuid NOT NULL, "target_id" uuid NOT NULL, "kind" "public"."partnership_kind" NOT NULL, "status" "public"."partnership_status" NOT NULL DEFAULT 'ACTIVE', "valid_from" date, "valid_to" date, "instrument" text, "notes" text, CONSTRAINT "partnership_valid_range" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_from" <= "valid_to"), CONSTRAINT "partnership_not_self" CHECK ("source_id" <> "target_id"), CONSTRAINT "PK_f1bf1be9f475497d8b396d4cc56" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "partnership_valid_from_idx" ON "partnership"  ("valid_from", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "partnership_created_idx" ON "partnership"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "partnership_target_idx" ON "partnership"  ("target_id", "kind") `);
    await queryRunner.query(`CREATE INDEX "partnership_source_idx" ON "partnership"  ("source_id", "kind") `);
    await queryRunner.query(
      `CREATE TYPE "public"."participant_role" AS ENUM('LEAD', 'CONTRIBUTOR', 'OBSERVER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "role" "public"."participant_role" NOT NULL, CONSTRAINT "PK_cf83d1fc076ed13fc7447d55076" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plan_participant_actor_idx" ON "plan_participant"  ("actor_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plan_participant_one_lead" ON "plan_participant"  ("plan_id") WHERE "role" = 'LEAD'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plan_participant_plan_actor_key" ON "plan_participant"  ("plan_id", "actor_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_level" AS ENUM('NONE', 'LOW', 'MODERATE', 'HIGH', 'VERY_HIGH')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assessment_status" AS ENUM('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SUPERSEDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "situation_id" uuid NOT NULL, "assessed_on" date NOT NULL, "overall_level" "public"."risk_level" NOT NULL, "status" "public"."assessment_status" NOT NULL DEFAULT 'DRAFT', "summary" text, "author_actor_id" uuid, CONSTRAINT "PK_864a35a16fcb683df546ac6134e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "risk_assessment_author_idx" ON "risk_assessment"  ("author_actor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "risk_assessment_situation_idx" ON "risk_assessment"  ("situation_id", "assessed_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_trend" AS ENUM('IMPROVING', 'STABLE', 'DETERIORATING')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."confidence" AS ENUM('LOW', 'MEDIUM', 'HIGH')`);
    await queryRunner.query(
      `CREATE TABLE "risk_factor_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "assessment_id" uuid NOT NULL, "risk_factor_id" uuid NOT NULL, "level" "public"."risk_level" NOT NULL, "trend" "public"."risk_trend" NOT NULL DEFAULT 'STABLE', "confidence" "public"."confidence" NOT NULL DEFAULT 'MEDIUM', "rationale" text, CONSTRAINT "PK_32df951714a6a760ec42db91fe1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "risk_factor_score_factor_idx" ON "risk_factor_score"  ("risk_factor_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "risk_factor_score_assessment_factor_key" ON "risk_factor_score"  ("assessment_id", "risk_factor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "risk_factor_id" uuid NOT NULL, "code" text NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_a61a9f35e232e9165b411db56dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "risk_indicator_factor_code_key" ON "risk_indicator"  ("risk_factor_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."observation_source_kind" AS ENUM('MEDIA', 'NGO_REPORT', 'UN_REPORT', 'FIELD_MISSION', 'ACLED', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "observation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "situation_id" uuid NOT NULL, "occurred_on" date NOT NULL, "title" text NOT NULL, "description" text, "event_type" text, "location_name" text, "latitude" double precision, "longitude" double precision, "fatalities" integer, "source_kind" "public"."observation_source_kind" NOT NULL DEFAULT 'OTHER', "source" text, "risk_factor_id" uuid, CONSTRAINT "observation_fatalities" CHECK ("fatalities" IS NULL OR "fatalities" >= 0), CONSTRAINT "observation_longitude" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180), CONSTRAINT "observation_latitude" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90), CONSTRAINT "PK_77a736edc631a400b788ce302cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "observation_risk_factor_idx" ON "observation"  ("risk_factor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "observation_situation_idx" ON "observation"  ("situation_id", "occurred_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_capability_requirement" ("task_id" uuid NOT NULL, "capability" "public"."capability_kind" NOT NULL, "quantity" integer NOT NULL DEFAULT '1', CONSTRAINT "task_capability_requirement_quantity" CHECK ("quantity" > 0), CONSTRAINT "PK_10ccee0735e7696e032505718c3" PRIMARY KEY ("task_id", "capability"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "task_dependency" ("task_id" uuid NOT NULL, "depends_on_task_id" uuid NOT NULL, CONSTRAINT "task_dependency_not_self" CHECK ("task_id" <> "depends_on_task_id"), CONSTRAINT "PK_0f2d7856be81553295fe0ab17a5" PRIMARY KEY ("task_id", "depends_on_task_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_dependency_depends_on_idx" ON "task_dependency"  ("depends_on_task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "objective_risk_factor" ("objective_id" uuid NOT NULL, "risk_factor_id" uuid NOT NULL, CONSTRAINT "PK_e1056f62a18398090b6b3aa4ee6" PRIMARY KEY ("objective_id", "risk_factor_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_24b98d0e7223d12f6ea3852859" ON "objective_risk_factor"  ("objective_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6734f741e7bd18fbe747159642" ON "objective_risk_factor"  ("risk_factor_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "actor" ADD CONSTRAINT "FK_588073329159974268e4d2b222c" FOREIGN KEY ("parent_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_daecbbd16aa46505c6a951b7aca" FOREIGN KEY ("authorizing_actor_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_d48a925dbac04dcf25430141ca3" FOREIGN KEY ("mission_actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_a339961676a0fa710150c98b4a9" FOREIGN KEY ("renews_mandate_id") REFERENCES "mandate"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandated_task" ADD CONSTRAINT "FK_b5c0630b750082c3a8cffad0057" FOREIGN KEY ("mandate_id") REFERENCES "mandate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_plan" ADD CONSTRAINT "FK_556c11600ff78c3a6955d391983" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_plan" ADD CONSTRAINT "FK_db25fea3ecc9fd8e3e576c64f4d" FOREIGN KEY ("lead_actor_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "phase" ADD CONSTRAINT "FK_407e01021be7af554144c128a48" FOREIGN KEY ("plan_id") REFERENCES "response_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective" ADD CONSTRAINT "FK_740b8e7f288f35d3dc59c9baf47" FOREIGN KEY ("plan_id") REFERENCES "response_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective" ADD CONSTRAINT "FK_46a73a9564ee36b8503d4265bed" FOREIGN KEY ("phase_id") REFERENCES "phase"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective" ADD CONSTRAINT "FK_50adf71b0505de2c79da7b8a572" FOREIGN KEY ("mandated_task_id") REFERENCES "mandated_task"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_861fe9e94ad32e4f9b010e2cf48" FOREIGN KEY ("plan_id") REFERENCES "response_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_4aaa48720a35646cdaf79392b25" FOREIGN KEY ("objective_id") REFERENCES "objective"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignment" ADD CONSTRAINT "FK_5f8544ee8cfca009e58e0e52d89" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignment" ADD CONSTRAINT "FK_58f68681434d4251dee68b8fc12" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "capability_pledge" ADD CONSTRAINT "FK_b1010e2817628354d945ed2f17c" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership" ADD CONSTRAINT "FK_0c526329206d6a3ff5e6bf96725" FOREIGN KEY ("source_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership" ADD CONSTRAINT "FK_74661f55f5765ac2d4fcd358cd7" FOREIGN KEY ("target_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_participant" ADD CONSTRAINT "FK_aeb5896fa576a34c45648aaaec7" FOREIGN KEY ("plan_id") REFERENCES "response_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_participant" ADD CONSTRAINT "FK_183caba10fdc44540bed5c0d0e1" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_assessment" ADD CONSTRAINT "FK_18bbccdf323b205553c67711be2" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_assessment" ADD CONSTRAINT "FK_5d3551afac9ec33c46fa92dada7" FOREIGN KEY ("author_actor_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_factor_score" ADD CONSTRAINT "FK_0299c480c62123f3debeb37eede" FOREIGN KEY ("assessment_id") REFERENCES "risk_assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_factor_score" ADD CONSTRAINT "FK_8b480cdf2c1874d83bf0ab79fa8" FOREIGN KEY ("risk_factor_id") REFERENCES "risk_factor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_indicator" ADD CONSTRAINT "FK_72e3c1e1d7fca250e5522f601ee" FOREIGN KEY ("risk_factor_id") REFERENCES "risk_factor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "FK_093bcb5cd2bd313e519771611c5" FOREIGN KEY ("situation_id") REFERENCES "situation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "FK_a3735d77b7e53670aacdc9d5ad8" FOREIGN KEY ("risk_factor_id") REFERENCES "risk_factor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_capability_requirement" ADD CONSTRAINT "FK_0b419618770f60baf1685867b71" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_dependency" ADD CONSTRAINT "FK_96cc9656f4eede3de32c5e28150" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_dependency" ADD CONSTRAINT "FK_f1ffa686ef86ae79c5079222eb9" FOREIGN KEY ("depends_on_task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective_risk_factor" ADD CONSTRAINT "FK_24b98d0e7223d12f6ea38528593" FOREIGN KEY ("objective_id") REFERENCES "objective"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective_risk_factor" ADD CONSTRAINT "FK_6734f741e7bd18fbe7471596429" FOREIGN KEY ("risk_factor_id") REFERENCES "risk_factor"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "objective_risk_factor" DROP CONSTRAINT "FK_6734f741e7bd18fbe7471596429"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objective_risk_factor" DROP CONSTRAINT "FK_24b98d0e7223d12f6ea38528593"`,
    );
    await queryRunner.query(`ALTER TABLE "task_dependency" DROP CONSTRAINT "FK_f1ffa686ef86ae79c5079222eb9"`);
    await queryRunner.query(`ALTER TABLE "task_dependency" DROP CONSTRAINT "FK_96cc9656f4eede3de32c5e28150"`);
    await queryRunner.query(
      `ALTER TABLE "task_capability_requirement" DROP CONSTRAINT "FK_0b419618770f60baf1685867b71"`,
    );
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "FK_a3735d77b7e53670aacdc9d5ad8"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "FK_093bcb5cd2bd313e519771611c5"`);
    await queryRunner.query(`ALTER TABLE "risk_indicator" DROP CONSTRAINT "FK_72e3c1e1d7fca250e5522f601ee"`);
    await queryRunner.query(
      `ALTER TABLE "risk_factor_score" DROP CONSTRAINT "FK_8b480cdf2c1874d83bf0ab79fa8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "risk_factor_score" DROP CONSTRAINT "FK_0299c480c62123f3debeb37eede"`,
    );
    await queryRunner.query(`ALTER TABLE "risk_assessment" DROP CONSTRAINT "FK_5d3551afac9ec33c46fa92dada7"`);
    await queryRunner.query(`ALTER TABLE "risk_assessment" DROP CONSTRAINT "FK_18bbccdf323b205553c67711be2"`);
    await queryRunner.query(
      `ALTER TABLE "plan_participant" DROP CONSTRAINT "FK_183caba10fdc44540bed5c0d0e1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_participant" DROP CONSTRAINT "FK_aeb5896fa576a34c45648aaaec7"`,
    );
    await queryRunner.query(`ALTER TABLE "partnership" DROP CONSTRAINT "FK_74661f55f5765ac2d4fcd358cd7"`);
    await queryRunner.query(`ALTER TABLE "partnership" DROP CONSTRAINT "FK_0c526329206d6a3ff5e6bf96725"`);
    await queryRunner.query(
      `ALTER TABLE "capability_pledge" DROP CONSTRAINT "FK_b1010e2817628354d945ed2f17c"`,
    );
    await queryRunner.query(`ALTER TABLE "task_assignment" DROP CONSTRAINT "FK_58f68681434d4251dee68b8fc12"`);
    await queryRunner.query(`ALTER TABLE "task_assignment" DROP CONSTRAINT "FK_5f8544ee8cfca009e58e0e52d89"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_4aaa48720a35646cdaf79392b25"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_861fe9e94ad32e4f9b010e2cf48"`);
    await queryRunner.query(`ALTER TABLE "objective" DROP CONSTRAINT "FK_50adf71b0505de2c79da7b8a572"`);
    await queryRunner.query(`ALTER TABLE "objective" DROP CONSTRAINT "FK_46a73a9564ee36b8503d4265bed"`);
    await queryRunner.query(`ALTER TABLE "objective" DROP CONSTRAINT "FK_740b8e7f288f35d3dc59c9baf47"`);
    await queryRunner.query(`ALTER TABLE "phase" DROP CONSTRAINT "FK_407e01021be7af554144c128a48"`);
    await queryRunner.query(`ALTER TABLE "response_plan" DROP CONSTRAINT "FK_db25fea3ecc9fd8e3e576c64f4d"`);
    await queryRunner.query(`ALTER TABLE "response_plan" DROP CONSTRAINT "FK_556c11600ff78c3a6955d391983"`);
    await queryRunner.query(`ALTER TABLE "mandated_task" DROP CONSTRAINT "FK_b5c0630b750082c3a8cffad0057"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_a339961676a0fa710150c98b4a9"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_d48a925dbac04dcf25430141ca3"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_daecbbd16aa46505c6a951b7aca"`);
    await queryRunner.query(`ALTER TABLE "actor" DROP CONSTRAINT "FK_588073329159974268e4d2b222c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6734f741e7bd18fbe747159642"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_24b98d0e7223d12f6ea3852859"`);
    await queryRunner.query(`DROP TABLE "objective_risk_factor"`);
    await queryRunner.query(`DROP INDEX "public"."task_dependency_depends_on_idx"`);
    await queryRunner.query(`DROP TABLE "task_dependency"`);
    await queryRunner.query(`DROP TABLE "task_capability_requirement"`);
    await queryRunner.query(`DROP TYPE "public"."capability_kind"`);
    await queryRunner.query(`DROP INDEX "public"."observation_situation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."observation_risk_factor_idx"`);
    await queryRunner.query(`DROP TABLE "observation"`);
    await queryRunner.query(`DROP TYPE "public"."observation_source_kind"`);
    await queryRunner.query(`DROP INDEX "public"."risk_indicator_factor_code_key"`);
    await queryRunner.query(`DROP TABLE "risk_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."risk_factor_score_assessment_factor_key"`);
    await queryRunner.query(`DROP INDEX "public"."risk_factor_score_factor_idx"`);
    await queryRunner.query(`DROP TABLE "risk_factor_score"`);
    await queryRunner.query(`DROP TYPE "public"."confidence"`);
    await queryRunner.query(`DROP TYPE "public"."risk_trend"`);
    await queryRunner.query(`DROP TYPE "public"."risk_level"`);
    await queryRunner.query(`DROP INDEX "public"."risk_assessment_situation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."risk_assessment_author_idx"`);
    await queryRunner.query(`DROP TABLE "risk_assessment"`);
    await queryRunner.query(`DROP TYPE "public"."assessment_status"`);
    await queryRunner.query(`DROP INDEX "public"."plan_participant_plan_actor_key"`);
    await queryRunner.query(`DROP INDEX "public"."plan_participant_one_lead"`);
    await queryRunner.query(`DROP INDEX "public"."plan_participant_actor_idx"`);
    await queryRunner.query(`DROP TABLE "plan_participant"`);
    await queryRunner.query(`DROP TYPE "public"."participant_role"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_source_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_target_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partnership_valid_from_idx"`);
    await queryRunner.query(`DROP TABLE "partnership"`);
    await queryRunner.query(`DROP TYPE "public"."partnership_status"`);
    await queryRunner.query(`DROP TYPE "public"."partnership_kind"`);
    await queryRunner.query(`DROP INDEX "public"."capability_pledge_actor_idx"`);
    await queryRunner.query(`DROP TABLE "capability_pledge"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_task_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_actor_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_one_lead"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_one_open_per_actor"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignment_respond_by_idx"`);
    await queryRunner.query(`DROP TABLE "task_assignment"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_status"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_role"`);
    await queryRunner.query(`DROP INDEX "public"."task_plan_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_plan_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_plan_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_objective_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_due_idx"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP TYPE "public"."task_status"`);
    await queryRunner.query(`DROP TYPE "public"."task_priority"`);
    await queryRunner.query(`DROP INDEX "public"."objective_plan_idx"`);
    await queryRunner.query(`DROP INDEX "public"."objective_phase_idx"`);
    await queryRunner.query(`DROP INDEX "public"."objective_mandated_task_idx"`);
    await queryRunner.query(`DROP TABLE "objective"`);
    await queryRunner.query(`DROP INDEX "public"."phase_plan_idx"`);
    await queryRunner.query(`DROP TABLE "phase"`);
    await queryRunner.query(`DROP TYPE "public"."phase_kind"`);
    await queryRunner.query(`DROP INDEX "public"."response_plan_situation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."response_plan_lead_idx"`);
    await queryRunner.query(`DROP INDEX "public"."response_plan_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."response_plan_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."response_plan_title_idx"`);
    await queryRunner.query(`DROP TABLE "response_plan"`);
    await queryRunner.query(`DROP TYPE "public"."plan_status"`);
    await queryRunner.query(`DROP INDEX "public"."situation_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."situation_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."situation_created_idx"`);
    await queryRunner.query(`DROP TABLE "situation"`);
    await queryRunner.query(`DROP TYPE "public"."situation_status"`);
    await queryRunner.query(`DROP INDEX "public"."risk_factor_number_key"`);
    await queryRunner.query(`DROP TABLE "risk_factor"`);
    await queryRunner.query(`DROP TYPE "public"."risk_factor_category"`);
    await queryRunner.query(`DROP INDEX "public"."mandated_task_mandate_idx"`);
    await queryRunner.query(`DROP TABLE "mandated_task"`);
    await queryRunner.query(`DROP TYPE "public"."mandated_task_kind"`);
    await queryRunner.query(`DROP INDEX "public"."mandate_symbol_key"`);
    await queryRunner.query(`DROP INDEX "public"."mandate_mission_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mandate_authorizing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mandate_renews_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mandate_adopted_idx"`);
    await queryRunner.query(`DROP TABLE "mandate"`);
    await queryRunner.query(`DROP INDEX "public"."actor_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."actor_kind_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."actor_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."actor_parent_idx"`);
    await queryRunner.query(`DROP TABLE "actor"`);
    await queryRunner.query(`DROP TYPE "public"."actor_kind"`);
  }
}
