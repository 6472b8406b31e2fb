import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the public customer experience pages read: their changes drop the public cache (NotifyPublicChanges). */
const PUBLIC_TABLES = ['cx_collections', 'cx_collection_details', 'cx_question_answers'];

export class CreateCxCollections1796298403617 implements MigrationInterface {
  name = 'CreateCxCollections1796298403617';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cx_collections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "fiscal_year" smallint NOT NULL, "quarter" smallint NOT NULL, "status" text NOT NULL DEFAULT 'draft', "not_random_sample" boolean NOT NULL DEFAULT true, "survey_method" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_cx_collections_quarter" CHECK (quarter BETWEEN 1 AND 4), CONSTRAINT "PK_675071702df078dd5291c918c47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_cx_collections_agency" ON "cx_collections"  ("agency_id", "fiscal_year") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cx_collections_service_quarter" ON "cx_collections"  ("service_id", "fiscal_year", "quarter") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cx_collection_details" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collection_id" uuid NOT NULL, "channel" text NOT NULL, "transaction_point" text NOT NULL DEFAULT 'post_interaction', "survey_type" text NOT NULL, "question_set" text NOT NULL, "trust_question" text, "omb_control_number" text, "customers_served" bigint, "surveys_offered" bigint, "respondents" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_cx_collection_details_volumes" CHECK (respondents >= 0 AND surveys_offered >= 0 AND customers_served >= 0 AND respondents <= surveys_offered AND surveys_offered <= customers_served AND respondents <= customers_served), CONSTRAINT "PK_18dc226cff3de75d93b355c4253" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cx_collection_details_channel" ON "cx_collection_details"  ("collection_id", "channel") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cx_question_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "detail_id" uuid NOT NULL, "question" text NOT NULL, "question_text" text, "count1" bigint, "count2" bigint, "count3" bigint, "count4" bigint, "count5" bigint, "average_score" numeric, CONSTRAINT "CK_cx_question_answers_counts" CHECK (count1 >= 0 AND count2 >= 0 AND count3 >= 0 AND count4 >= 0 AND count5 >= 0 AND average_score BETWEEN 1 AND 5), CONSTRAINT "PK_5a4cdc943bea1b517f2cb2ec30f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cx_question_answers_question" ON "cx_question_answers"  ("detail_id", "question") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cx_responses" ("collection_id" uuid NOT NULL, "external_id" text NOT NULL, "detail_id" uuid NOT NULL, "trust" smallint NOT NULL, "positive_effectiveness" boolean NOT NULL, "positive_ease" boolean NOT NULL, "positive_efficiency" boolean NOT NULL, "positive_transparency" boolean NOT NULL, "positive_humanity" boolean NOT NULL, "positive_employee" boolean NOT NULL, "positive_other" boolean NOT NULL, "negative_effectiveness" boolean NOT NULL, "negative_ease" boolean NOT NULL, "negative_efficiency" boolean NOT NULL, "negative_transparency" boolean NOT NULL, "negative_humanity" boolean NOT NULL, "negative_employee" boolean NOT NULL, "negative_other" boolean NOT NULL, "free_text" text, CONSTRAINT "CK_cx_responses_trust" CHECK (trust BETWEEN 0 AND 5), CONSTRAINT "PK_eafcb1d41030c5cf2e9489d39be" PRIMARY KEY ("collection_id", "external_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "cx_collections" ADD CONSTRAINT "FK_688b257a1f637b7eeea8f1819fa" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cx_collection_details" ADD CONSTRAINT "FK_8d68b1588fa48796a0f616e554c" FOREIGN KEY ("collection_id") REFERENCES "cx_collections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cx_question_answers" ADD CONSTRAINT "FK_d80e73389c945e34474d01ed0b5" FOREIGN KEY ("detail_id") REFERENCES "cx_collection_details"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    for (const table of PUBLIC_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "yardstick_public_changed"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PUBLIC_TABLES)
      await queryRunner.query(`DROP TRIGGER "TR_${table}_public_changed" ON "${table}"`);
    await queryRunner.query(`ALTER TABLE "cx_question_answers" DROP CONSTRAINT "FK_d80e73389c945e34474d01ed0b5"`);
    await queryRunner.query(`ALTER TABLE "cx_collection_details" DROP CONSTRAINT "FK_8d68b1588fa48796a0f616e554c"`);
    await queryRunner.query(`ALTER TABLE "cx_collections" DROP CONSTRAINT "FK_688b257a1f637b7eeea8f1819fa"`);
    await queryRunner.query(`DROP TABLE "cx_responses"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cx_question_answers_question"`);
    await queryRunner.query(`DROP TABLE "cx_question_answers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cx_collection_details_channel"`);
    await queryRunner.query(`DROP TABLE "cx_collection_details"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_cx_collections_service_quarter"`);
    await queryRunner.query(`DROP INDEX "public"."IX_cx_collections_agency"`);
    await queryRunner.query(`DROP TABLE "cx_collections"`);
  }
}
