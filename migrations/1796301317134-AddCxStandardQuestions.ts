import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCxStandardQuestions1796301317134 implements MigrationInterface {
  name = 'AddCxStandardQuestions1796301317134';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cx_standard_questions" ("standard_id" uuid NOT NULL, "question" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2afd64eb15259d4b99de608b3f0" PRIMARY KEY ("standard_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "cx_standard_questions" ADD CONSTRAINT "FK_2afd64eb15259d4b99de608b3f0" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cx_standard_questions" DROP CONSTRAINT "FK_2afd64eb15259d4b99de608b3f0"`);
    await queryRunner.query(`DROP TABLE "cx_standard_questions"`);
  }
}
