import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRevisionsExplanations1795321944511 implements MigrationInterface {
  name = 'AddRevisionsExplanations1795321944511';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "explanations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "result_id" uuid NOT NULL, "why" text NOT NULL, "action" text NOT NULL, "written_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_236db1cf9ec7e8f93a88e139224" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_explanations_result" ON "explanations"  ("result_id") `);
    await queryRunner.query(
      `CREATE TABLE "result_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "result_id" uuid NOT NULL, "revision" integer NOT NULL, "value" numeric, "numerator" bigint, "denominator" bigint, "sample_size" integer, "source" text, "data_quality_note" text, "recorded_by" text, "batch_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7082059fe302076d291171df455" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_result_revisions_number" ON "result_revisions"  ("result_id", "revision") `,
    );
    await queryRunner.query(`ALTER TABLE "results" ADD "certified_by" text`);
    await queryRunner.query(
      `ALTER TABLE "explanations" ADD CONSTRAINT "FK_019c3bdef7a903affb1179d26ee" FOREIGN KEY ("result_id") REFERENCES "results"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "result_revisions" ADD CONSTRAINT "FK_23b3a85a28d140d546038952bf7" FOREIGN KEY ("result_id") REFERENCES "results"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "result_revisions" DROP CONSTRAINT "FK_23b3a85a28d140d546038952bf7"`);
    await queryRunner.query(`ALTER TABLE "explanations" DROP CONSTRAINT "FK_019c3bdef7a903affb1179d26ee"`);
    await queryRunner.query(`ALTER TABLE "results" DROP COLUMN "certified_by"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_result_revisions_number"`);
    await queryRunner.query(`DROP TABLE "result_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_explanations_result"`);
    await queryRunner.query(`DROP TABLE "explanations"`);
  }
}
