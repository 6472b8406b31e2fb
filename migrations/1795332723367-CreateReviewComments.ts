import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewComments1795332723367 implements MigrationInterface {
  name = 'CreateReviewComments1795332723367';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "comment" text NOT NULL, "author_id" uuid, "author_name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a18556c348d381630855d05f0a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_review_comments_entity" ON "review_comments"  ("entity_type", "entity_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_review_comments_entity"`);
    await queryRunner.query(`DROP TABLE "review_comments"`);
  }
}
