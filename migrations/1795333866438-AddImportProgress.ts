import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddImportProgress1795333866438 implements MigrationInterface {
  name = 'AddImportProgress1795333866438';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_batches" ADD "bytes_read" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "import_batches" ADD "bytes_total" bigint`);
    await queryRunner.query(`ALTER TABLE "import_batches" ADD "warning_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "import_batches" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "import_batches" ADD "registry" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_batches" DROP COLUMN "registry"`);
    await queryRunner.query(`ALTER TABLE "import_batches" DROP COLUMN "warnings"`);
    await queryRunner.query(`ALTER TABLE "import_batches" DROP COLUMN "warning_count"`);
    await queryRunner.query(`ALTER TABLE "import_batches" DROP COLUMN "bytes_total"`);
    await queryRunner.query(`ALTER TABLE "import_batches" DROP COLUMN "bytes_read"`);
  }
}
