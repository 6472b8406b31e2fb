import type { MigrationInterface, QueryRunner } from 'typeorm';

const GC_SOURCE = 'Government of Canada service standards file (ss.csv)';

/** The month an agency's fiscal year starts in (October, the US federal year, unless set). */
export class AddAgencyFiscalYearStart1795340414401 implements MigrationInterface {
  name = 'AddAgencyFiscalYearStart1795340414401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" ADD "fiscal_year_start_month" smallint NOT NULL DEFAULT '10'`);
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "CK_agencies_fiscal_year_start_month" CHECK (fiscal_year_start_month BETWEEN 1 AND 12)`,
    );
    // Departments imported from the Government of Canada file (every result from it) run April to
    // March: their yearly results, stored as October-September before, are dated again.
    await queryRunner.query(
      `UPDATE "agencies" a SET "fiscal_year_start_month" = 4
       WHERE EXISTS (SELECT 1 FROM "results" r WHERE r."agency_id" = a."id" AND r."source" LIKE $1)
         AND NOT EXISTS (SELECT 1 FROM "results" r WHERE r."agency_id" = a."id"
                         AND (r."source" IS NULL OR r."source" NOT LIKE $1 OR r."frequency" <> 'year'))`,
      [`${GC_SOURCE}%`],
    );
    await queryRunner.query(
      `UPDATE "results" r SET "period_start" = make_date(r."fiscal_year" - 1, 4, 1),
         "period_end" = make_date(r."fiscal_year", 3, 31)
       FROM "agencies" a WHERE a."id" = r."agency_id" AND a."fiscal_year_start_month" = 4 AND r."frequency" = 'year'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "results" r SET "period_start" = make_date(r."fiscal_year" - 1, 10, 1),
         "period_end" = make_date(r."fiscal_year", 9, 30)
       FROM "agencies" a WHERE a."id" = r."agency_id" AND a."fiscal_year_start_month" = 4 AND r."frequency" = 'year'`,
    );
    await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "CK_agencies_fiscal_year_start_month"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "fiscal_year_start_month"`);
  }
}
