import { fiscalCalendar, type FiscalCalendar } from '@yardstick/metrics';
import { In, type EntityManager } from 'typeorm';
import { Agency } from './entities/agency.entity.js';

// Periods are dated in their agency's fiscal calendar: read it here, not by hand.

/** The fiscal calendar of an agency (October when it is not found). */
export async function calendarOfAgency(manager: EntityManager, agencyId: string): Promise<FiscalCalendar> {
  return (await calendarsOfAgencies(manager, [agencyId])).get(agencyId) ?? fiscalCalendar();
}

/** The fiscal calendar of each agency, by id. */
export async function calendarsOfAgencies(
  manager: EntityManager,
  agencyIds: Iterable<string>,
): Promise<Map<string, FiscalCalendar>> {
  const ids = [...new Set(agencyIds)];
  if (ids.length === 0) return new Map();
  const agencies = await manager.find(Agency, {
    where: { id: In(ids) },
    select: { id: true, fiscalYearStartMonth: true },
  });
  return new Map(agencies.map((a) => [a.id, fiscalCalendar(a.fiscalYearStartMonth)]));
}
