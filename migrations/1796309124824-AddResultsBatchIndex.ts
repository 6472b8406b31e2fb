import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The import audit reads the results a batch wrote (results.batch_id): an index instead of a scan of them all. */
export class AddResultsBatchIndex1796309124824 implements MigrationInterface {
  name = 'AddResultsBatchIndex1796309124824';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_results_batch" ON "results" ("batch_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_results_batch"`);
  }
}
