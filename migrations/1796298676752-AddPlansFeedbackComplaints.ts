import type { MigrationInterface, QueryRunner } from 'typeorm';

/** New tables whose changes reach the public site: they notify yardstick_public like the others. */
const PUBLIC_TABLES = ['plans', 'plan_versions', 'employee_feedback'];

export class AddPlansFeedbackComplaints1796298676752 implements MigrationInterface {
  name = 'AddPlansFeedbackComplaints1796298676752';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "employee_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "service_id" uuid NOT NULL, "period_key" text NOT NULL, "employees_surveyed" integer NOT NULL, "employees_responding" integer NOT NULL, "barriers" jsonb NOT NULL DEFAULT '[]', "ideas" jsonb NOT NULL DEFAULT '[]', "summary" text NOT NULL DEFAULT '', "staff_note" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76e65afdd3903f652bf424031b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_employee_feedback_agency" ON "employee_feedback"  ("agency_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_employee_feedback_service_period" ON "employee_feedback"  ("service_id", "period_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "published_version_id" uuid, "pending_version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_plans_agency_fiscal_year" ON "plans"  ("agency_id", "fiscal_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "summary" text NOT NULL DEFAULT '', "parts" jsonb NOT NULL, "standard_ids" uuid array NOT NULL DEFAULT '{}', "benchmark_ids" uuid array NOT NULL DEFAULT '{}', "feedback_collection_ids" uuid array NOT NULL DEFAULT '{}', "employee_feedback_ids" uuid array NOT NULL DEFAULT '{}', "staff_note" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd2f605d45f2679a86a7c1c5b20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_plan_versions_number" ON "plan_versions"  ("plan_id", "version") `,
    );
    await queryRunner.query(`ALTER TABLE "services" ADD "channel_details" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "services" ADD "complaints" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "employee_feedback" ADD CONSTRAINT "FK_63fd0574fe20f33742731590a55" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employee_feedback" ADD CONSTRAINT "FK_7b0c5517d5c3f0f76a53ae7c413" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_1d0e5163d6a8522059b73bf55e1" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_9164b767ee6f12adfe9fad2bf93" FOREIGN KEY ("published_version_id") REFERENCES "plan_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_a72125064c680adf4a37003a0e2" FOREIGN KEY ("pending_version_id") REFERENCES "plan_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_versions" ADD CONSTRAINT "FK_b504a5b710ec5832245809b7bce" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    for (const table of PUBLIC_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "yardstick_public_changed"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_TABLES)
      await queryRunner.query(`DROP TRIGGER "TR_${table}_public_changed" ON "${table}"`);
    await queryRunner.query(`ALTER TABLE "plan_versions" DROP CONSTRAINT "FK_b504a5b710ec5832245809b7bce"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_a72125064c680adf4a37003a0e2"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_9164b767ee6f12adfe9fad2bf93"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_1d0e5163d6a8522059b73bf55e1"`);
    await queryRunner.query(`ALTER TABLE "employee_feedback" DROP CONSTRAINT "FK_7b0c5517d5c3f0f76a53ae7c413"`);
    await queryRunner.query(`ALTER TABLE "employee_feedback" DROP CONSTRAINT "FK_63fd0574fe20f33742731590a55"`);
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "complaints"`);
    await queryRunner.query(`ALTER TABLE "services" DROP COLUMN "channel_details"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_plan_versions_number"`);
    await queryRunner.query(`DROP TABLE "plan_versions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_plans_agency_fiscal_year"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_employee_feedback_service_period"`);
    await queryRunner.query(`DROP INDEX "public"."IX_employee_feedback_agency"`);
    await queryRunner.query(`DROP TABLE "employee_feedback"`);
  }
}
