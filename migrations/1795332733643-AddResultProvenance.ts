import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports at scale. The current figures of a result carry who recorded them and in which batch, so a
 * new result is one row (result_revisions keeps the superseded figures only). The row-by-row foreign key
 * from results to standards gives way to two triggers that keep the same guarantee set-based: each
 * INSERT statement checks (and locks FOR KEY SHARE, as the foreign key did) the standards it names once,
 * and a standard that has results cannot be deleted.
 */
export class AddResultProvenance1795332733643 implements MigrationInterface {
  name = 'AddResultProvenance1795332733643';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "results" DROP CONSTRAINT "FK_49324315413d495848cc19e166f"`);
    await queryRunner.query(`ALTER TABLE "results" ADD "recorded_by" text`);
    await queryRunner.query(`ALTER TABLE "results" ADD "batch_id" uuid`);
    await queryRunner.query(`ALTER TABLE "results" ADD "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // The current revision's provenance moves onto the result; result_revisions keeps the earlier ones.
    await queryRunner.query(
      `UPDATE results r SET recorded_by = v.recorded_by, batch_id = v.batch_id, recorded_at = v.created_at
       FROM result_revisions v WHERE v.result_id = r.id AND v.revision = r.revision`,
    );
    await queryRunner.query(
      `DELETE FROM result_revisions v USING results r WHERE v.result_id = r.id AND v.revision = r.revision`,
    );
    await queryRunner.query(
      `CREATE FUNCTION results_standards_exist() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE missing uuid;
       BEGIN
         PERFORM 1 FROM standards s WHERE s.id IN (SELECT DISTINCT standard_id FROM new_results) FOR KEY SHARE OF s;
         SELECT n.standard_id INTO missing FROM new_results n
           WHERE NOT EXISTS (SELECT 1 FROM standards s WHERE s.id = n.standard_id) LIMIT 1;
         IF missing IS NOT NULL THEN
           RAISE EXCEPTION 'results name a standard that does not exist: %', missing
             USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'results_standards_exist';
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER results_standards_exist AFTER INSERT ON results REFERENCING NEW TABLE AS new_results
       FOR EACH STATEMENT EXECUTE FUNCTION results_standards_exist()`,
    );
    // A result never moves to another standard (which the INSERT check would not see).
    await queryRunner.query(
      `CREATE FUNCTION results_keep_standard() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'a result cannot move to another standard' USING ERRCODE = 'integrity_constraint_violation';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER results_keep_standard BEFORE UPDATE OF standard_id ON results FOR EACH ROW
       WHEN (OLD.standard_id IS DISTINCT FROM NEW.standard_id) EXECUTE FUNCTION results_keep_standard()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION standards_keep_results() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM results WHERE standard_id = OLD.id) THEN
           RAISE EXCEPTION 'standard % has results', OLD.id
             USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'standards_keep_results';
         END IF;
         RETURN OLD;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER standards_keep_results BEFORE DELETE ON standards
       FOR EACH ROW EXECUTE FUNCTION standards_keep_results()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER standards_keep_results ON standards`);
    await queryRunner.query(`DROP FUNCTION standards_keep_results()`);
    await queryRunner.query(`DROP TRIGGER results_keep_standard ON results`);
    await queryRunner.query(`DROP FUNCTION results_keep_standard()`);
    await queryRunner.query(`DROP TRIGGER results_standards_exist ON results`);
    await queryRunner.query(`DROP FUNCTION results_standards_exist()`);
    await queryRunner.query(
      `INSERT INTO result_revisions (result_id, revision, value, numerator, denominator, sample_size, source,
         data_quality_note, recorded_by, batch_id, created_at)
       SELECT id, revision, value, numerator, denominator, sample_size, source, data_quality_note, recorded_by,
         batch_id, recorded_at FROM results`,
    );
    await queryRunner.query(`ALTER TABLE "results" DROP COLUMN "recorded_at"`);
    await queryRunner.query(`ALTER TABLE "results" DROP COLUMN "batch_id"`);
    await queryRunner.query(`ALTER TABLE "results" DROP COLUMN "recorded_by"`);
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_49324315413d495848cc19e166f" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
