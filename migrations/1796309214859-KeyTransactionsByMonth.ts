import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transaction is one row per (agency, service, external id, month received): each month's partition is now
 * unique on (agency_id, service_id, external_id), which says exactly that, instead of the primary key on
 * (agency_id, service_id, external_id, received_at), which let an external id be received twice in a month and
 * left the importer to look for such repeats after copying. A key on the parent table must hold the partition
 * key (received_at), so this one is made per partition: transactions/partitions.ts gives every new partition
 * its `<partition>_key` before attaching it. Both keys hold agency_id, as Citus requires (docs/scale-out.md).
 */
export class KeyTransactionsByMonth1796309214859 implements MigrationInterface {
  name = 'KeyTransactionsByMonth1796309214859';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DO $$
       DECLARE p record;
       BEGIN
         FOR p IN SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                  WHERE i.inhparent = 'transactions'::regclass
         LOOP
           EXECUTE format('CREATE UNIQUE INDEX %I ON %I (agency_id, service_id, external_id)', p.name || '_key', p.name);
         END LOOP;
       END $$`,
    );
    await queryRunner.query(`ALTER TABLE "transactions" DROP CONSTRAINT "PK_transactions"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "transactions" ADD CONSTRAINT "PK_transactions" PRIMARY KEY ("agency_id", "service_id", "external_id", "received_at")`,
    );
    await queryRunner.query(
      `DO $$
       DECLARE p record;
       BEGIN
         FOR p IN SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                  WHERE i.inhparent = 'transactions'::regclass
         LOOP
           EXECUTE format('DROP INDEX IF EXISTS %I', p.name || '_key');
         END LOOP;
       END $$`,
    );
  }
}
