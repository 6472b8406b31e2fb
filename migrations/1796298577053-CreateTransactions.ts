import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactions (cases, applications, calls, visits) of a service, one row each, in a table declaratively
 * partitioned by month of received_at (UTC). Partitions (transactions_yYYYYmMM) are created by the app for the
 * months an import touches (transactions/partitions.ts), and detached and archived by
 * `npm run transactions:archive`. Every row and every key carries agency_id, the column Citus distributes by
 * (docs/scale-out.md). No foreign keys: a row-by-row check would cost a lookup per transaction; the importer
 * checks the service once per file.
 *
 * The primary key must hold the partition key: (agency_id, service_id, external_id, received_at). The importer
 * keeps one row per (agency, service, external id, month received): a re-sent row with the same external id and
 * a received_at in the same month updates the row (a case open last month and completed this month keeps its
 * received_at, so it is the same row).
 */
export class CreateTransactions1796298577053 implements MigrationInterface {
  name = 'CreateTransactions1796298577053';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "transactions" (
         "agency_id" uuid NOT NULL,
         "service_id" uuid NOT NULL,
         "external_id" text NOT NULL,
         "channel" text NOT NULL,
         "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "completed_at" TIMESTAMP WITH TIME ZONE,
         "outcome" text,
         "accurate" boolean,
         "satisfaction" smallint,
         "batch_id" uuid,
         "source_line" integer,
         CONSTRAINT "PK_transactions" PRIMARY KEY ("agency_id", "service_id", "external_id", "received_at"),
         CONSTRAINT "CK_transactions_completed" CHECK ("completed_at" >= "received_at"),
         CONSTRAINT "CK_transactions_channel"
           CHECK ("channel" IN ('online', 'phone', 'in_person', 'mail', 'email', 'chat', 'mobile_app', 'other')),
         CONSTRAINT "CK_transactions_satisfaction" CHECK ("satisfaction" BETWEEN 1 AND 5)
       ) PARTITION BY RANGE ("received_at")`,
    );
    await queryRunner.query(`ALTER TABLE "standard_versions" ADD "transaction_measure" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standard_versions" DROP COLUMN "transaction_measure"`);
    // Drops every partition with it.
    await queryRunner.query(`DROP TABLE "transactions"`);
  }
}
