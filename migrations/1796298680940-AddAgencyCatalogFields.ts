import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAgencyCatalogFields1796298680940 implements MigrationInterface {
  name = 'AddAgencyCatalogFields1796298680940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" ADD "bureau_code" text`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "program_codes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "contact_email" text`);
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "CK_agencies_program_codes" CHECK (array_to_string("program_codes", ',') ~ '^([0-9]{3}:[0-9]{3}(,|$))*$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "CK_agencies_bureau_code" CHECK ("bureau_code" ~ '^[0-9]{3}:[0-9]{2}$')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "CK_agencies_bureau_code"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "CK_agencies_program_codes"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "contact_email"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "program_codes"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "bureau_code"`);
  }
}
