import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistry1795319916350 implements MigrationInterface {
  name = 'CreateRegistry1795319916350';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "benchmarks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "source_organization" text NOT NULL, "source_url" text, "year" smallint NOT NULL, "value" numeric NOT NULL, "unit" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e1ca1c910680770da116e0b95c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "kind" text NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "description" text, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26e17b251afab35580dff769223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_goals_agency_code" ON "goals"  ("agency_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "name" text NOT NULL, "slug" text NOT NULL, "description" text, "customers" text, "channels" text array NOT NULL DEFAULT '{}', "hisp" boolean NOT NULL DEFAULT false, "public_url" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_services_agency" ON "services"  ("agency_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_services_slug" ON "services"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "standard_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "standard_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "title" text NOT NULL, "statement" text NOT NULL, "dimension" text NOT NULL, "measure_description" text NOT NULL, "unit" text NOT NULL, "computation" text NOT NULL, "direction" text NOT NULL, "threshold_value" numeric, "threshold_unit" text, "channel_scope" text array NOT NULL DEFAULT '{}', "frequency" text NOT NULL, "near_tolerance" numeric, "indicator_kind" text, "goal_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3767adadfd60d10c26b12142cf9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_standard_versions_number" ON "standard_versions"  ("standard_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "standards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "service_id" uuid NOT NULL, "code" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "published_version_id" uuid, "pending_version_id" uuid, "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb084ce5e29cc74efe0befbefa8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_standards_service" ON "standards"  ("service_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_standards_agency_code" ON "standards"  ("agency_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "standard_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "period_key" text NOT NULL, "frequency" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "fiscal_year" smallint NOT NULL, "channel" text NOT NULL DEFAULT 'all', "value" numeric, "numerator" bigint, "denominator" bigint, "sample_size" integer, "source" text, "data_quality_note" text, "revision" integer NOT NULL DEFAULT '1', "certified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_results_sample_size" CHECK (sample_size >= 0), CONSTRAINT "CK_results_counts" CHECK (numerator >= 0 AND denominator >= 0 AND numerator <= denominator), CONSTRAINT "PK_e8f2a9191c61c15b627c117a678" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_results_agency_period" ON "results"  ("agency_id", "period_start") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_results_standard_period_channel" ON "results"  ("standard_id", "period_key", "channel") `,
    );
    await queryRunner.query(
      `CREATE TABLE "targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "standard_id" uuid NOT NULL, "fiscal_year" smallint NOT NULL, "quarter" smallint NOT NULL DEFAULT '0', "value" numeric, "min_value" numeric, "max_value" numeric, "unit" text NOT NULL, "baseline" numeric, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_targets_range" CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value), CONSTRAINT "CK_targets_quarter" CHECK (quarter BETWEEN 0 AND 4), CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_targets_standard_period" ON "targets"  ("standard_id", "fiscal_year", "quarter") `,
    );
    await queryRunner.query(
      `CREATE TABLE "standard_benchmarks" ("standard_id" uuid NOT NULL, "benchmark_id" uuid NOT NULL, CONSTRAINT "PK_a7be446241c435798b109975fea" PRIMARY KEY ("standard_id", "benchmark_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab78d41a6ece7459175629fc4d" ON "standard_benchmarks"  ("standard_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8766973f169763c0127eaaf488" ON "standard_benchmarks"  ("benchmark_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "goals" ADD CONSTRAINT "FK_0b247f2ccfba08e3d01fcabfedd" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goals" ADD CONSTRAINT "FK_e1c38429a681946eb39333e5438" FOREIGN KEY ("parent_id") REFERENCES "goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "FK_4c277553903a6a1862574810334" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standard_versions" ADD CONSTRAINT "FK_a291e6a184b5c6f0105dfcc5970" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standard_versions" ADD CONSTRAINT "FK_8490a149ac1dd22537abd308cea" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standards" ADD CONSTRAINT "FK_590fda09635dc34f6480fee0c52" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standards" ADD CONSTRAINT "FK_5d303c4442bf2a54c1bdd8bf5e3" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standards" ADD CONSTRAINT "FK_14e31fa58315ea5039f6bb698fb" FOREIGN KEY ("published_version_id") REFERENCES "standard_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standards" ADD CONSTRAINT "FK_26f7fe5ff5fc45ea68ecca09a4f" FOREIGN KEY ("pending_version_id") REFERENCES "standard_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_49324315413d495848cc19e166f" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_98ed5005dcb245cedb6847312b0" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standard_benchmarks" ADD CONSTRAINT "FK_ab78d41a6ece7459175629fc4d1" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "standard_benchmarks" ADD CONSTRAINT "FK_8766973f169763c0127eaaf488b" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standard_benchmarks" DROP CONSTRAINT "FK_8766973f169763c0127eaaf488b"`);
    await queryRunner.query(`ALTER TABLE "standard_benchmarks" DROP CONSTRAINT "FK_ab78d41a6ece7459175629fc4d1"`);
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_98ed5005dcb245cedb6847312b0"`);
    await queryRunner.query(`ALTER TABLE "results" DROP CONSTRAINT "FK_49324315413d495848cc19e166f"`);
    await queryRunner.query(`ALTER TABLE "standards" DROP CONSTRAINT "FK_26f7fe5ff5fc45ea68ecca09a4f"`);
    await queryRunner.query(`ALTER TABLE "standards" DROP CONSTRAINT "FK_14e31fa58315ea5039f6bb698fb"`);
    await queryRunner.query(`ALTER TABLE "standards" DROP CONSTRAINT "FK_5d303c4442bf2a54c1bdd8bf5e3"`);
    await queryRunner.query(`ALTER TABLE "standards" DROP CONSTRAINT "FK_590fda09635dc34f6480fee0c52"`);
    await queryRunner.query(`ALTER TABLE "standard_versions" DROP CONSTRAINT "FK_8490a149ac1dd22537abd308cea"`);
    await queryRunner.query(`ALTER TABLE "standard_versions" DROP CONSTRAINT "FK_a291e6a184b5c6f0105dfcc5970"`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "FK_4c277553903a6a1862574810334"`);
    await queryRunner.query(`ALTER TABLE "goals" DROP CONSTRAINT "FK_e1c38429a681946eb39333e5438"`);
    await queryRunner.query(`ALTER TABLE "goals" DROP CONSTRAINT "FK_0b247f2ccfba08e3d01fcabfedd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8766973f169763c0127eaaf488"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab78d41a6ece7459175629fc4d"`);
    await queryRunner.query(`DROP TABLE "standard_benchmarks"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_targets_standard_period"`);
    await queryRunner.query(`DROP TABLE "targets"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_results_standard_period_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IX_results_agency_period"`);
    await queryRunner.query(`DROP TABLE "results"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_standards_agency_code"`);
    await queryRunner.query(`DROP INDEX "public"."IX_standards_service"`);
    await queryRunner.query(`DROP TABLE "standards"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_standard_versions_number"`);
    await queryRunner.query(`DROP TABLE "standard_versions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_services_slug"`);
    await queryRunner.query(`DROP INDEX "public"."IX_services_agency"`);
    await queryRunner.query(`DROP TABLE "services"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_goals_agency_code"`);
    await queryRunner.query(`DROP TABLE "goals"`);
    await queryRunner.query(`DROP TABLE "benchmarks"`);
  }
}
