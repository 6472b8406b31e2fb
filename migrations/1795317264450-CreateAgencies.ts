import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgencies1795317264450 implements MigrationInterface {
  name = 'CreateAgencies1795317264450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "abbreviation" text NOT NULL, "slug" text NOT NULL, "parent_id" uuid, "website_url" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agencies_abbreviation" ON "agencies"  ("abbreviation") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agencies_slug" ON "agencies"  ("slug") `);
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "FK_3a266a8878ec4e59e20a7bdc06d" FOREIGN KEY ("parent_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "FK_3a266a8878ec4e59e20a7bdc06d"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agencies_slug"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agencies_abbreviation"`);
    await queryRunner.query(`DROP TABLE "agencies"`);
  }
}
