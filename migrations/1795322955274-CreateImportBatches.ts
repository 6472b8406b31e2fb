import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImportBatches1795322955274 implements MigrationInterface {
  name = 'CreateImportBatches1795322955274';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "format" text NOT NULL, "mode" text NOT NULL, "status" text NOT NULL DEFAULT 'running', "file_name" text, "file_hash" text, "created_by" text, "rows_read" integer NOT NULL DEFAULT '0', "inserted" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6162597a2576c03e04bb2c1a2dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_import_batches_created" ON "import_batches"  ("created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_import_batches_created"`);
    await queryRunner.query(`DROP TABLE "import_batches"`);
  }
}
