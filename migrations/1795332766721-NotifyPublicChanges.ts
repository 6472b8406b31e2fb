import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose changes can change what the public site shows. */
const TABLES = [
  'agencies',
  'services',
  'standards',
  'standard_versions',
  'targets',
  'benchmarks',
  'standard_benchmarks',
  'results',
  'explanations',
];

/**
 * Every committed change to the public site's tables sends NOTIFY yardstick_public, so that each API instance
 * drops its cache of rendered public pages and data (statement-level triggers: one notice per statement, and
 * PostgreSQL folds duplicates within a transaction and delivers them only at commit).
 */
export class NotifyPublicChanges1795332766721 implements MigrationInterface {
  name = 'NotifyPublicChanges1795332766721';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "yardstick_public_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('yardstick_public', TG_TABLE_NAME);
         RETURN NULL;
       END $$`,
    );
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "yardstick_public_changed"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER "TR_${table}_public_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "yardstick_public_changed"()`);
  }
}
