/** Advisory lock class of result writes: one lock per agency (hashed), taken for the rest of the transaction. */
export const RESULT_WRITE_LOCK = 7_301;

/**
 * Takes the result-write locks of these agencies, in one order for every caller, so that writers of the
 * same agency's results go one after another (every revision numbered once, none lost) and never deadlock.
 */
export async function lockAgencyResults(
  query: (sql: string, parameters?: unknown[]) => Promise<unknown>,
  agencyIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(agencyIds)];
  if (ids.length === 0) return;
  await query(
    `SELECT pg_advisory_xact_lock(${RESULT_WRITE_LOCK}, h)
     FROM (SELECT DISTINCT hashtext(id) AS h FROM unnest($1::text[]) AS id ORDER BY 1) AS agencies`,
    [ids],
  );
}
