import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStandardRulesAndRanges1795340000000 implements MigrationInterface {
  name = 'AddStandardRulesAndRanges1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standard_versions" ADD "result_rounding" smallint`);
    await queryRunner.query(`ALTER TABLE "standard_versions" ADD "value_range" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standard_versions" DROP COLUMN "value_range"`);
    await queryRunner.query(`ALTER TABLE "standard_versions" DROP COLUMN "result_rounding"`);
  }
}
