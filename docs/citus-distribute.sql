-- Run once on the Citus coordinator after Yardstick has migrated the schema (docs/scale-out.md):
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f docs/citus-distribute.sql
-- Not run here: the machines this was written on cannot run Citus (nor Docker).

-- The registry: small, read by nearly every query, joined with the agency's transactions on any node.
SELECT create_reference_table('agencies');
SELECT create_reference_table('services');
SELECT create_reference_table('standards');
SELECT create_reference_table('standard_versions');

-- Transactions: one shard group per hash range of agency_id; every partition (month) is distributed with its
-- parent, and a partition the app attaches later is distributed when it is attached.
SELECT create_distributed_table('transactions', 'agency_id', shard_count := 32);

-- Everything else (results, revisions, targets, accounts, audit, imports) stays on the coordinator as local
-- tables: they are small (results are aggregates) and their unique keys do not hold agency_id.
