import type { Role } from '@yardstick/contracts';
import type { TestApp } from './test-app.js';

/**
 * The records most API tests start from, created through the API as the administrator (each call checks its
 * status, so a set-up that goes wrong fails where it went wrong). Every helper takes the request body a test
 * wants and fills in only what the test does not say.
 */

type Body = Record<string, unknown>;
type Call = ReturnType<ReturnType<TestApp['api']>['post']>;

const SPEED = {
  dimension: 'speed',
  unit: 'percent',
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  thresholdUnit: 'days',
} as const;

/** A monthly standard: claims decided within 30 days (seedStandard's default content). */
export const CLAIMS_STANDARD = {
  ...SPEED,
  title: 'Claims time',
  statement: 'We decide 90% of claims within 30 days.',
  measureDescription: 'Share of claims decided within 30 days.',
  thresholdValue: 30,
  frequency: 'month',
} as const;

/** A monthly standard: requests decided within 30 days. */
export const FLOW_STANDARD = {
  ...CLAIMS_STANDARD,
  title: 'Flow time',
  statement: 'We decide 90% of requests within 30 days.',
  measureDescription: 'Share of requests decided within 30 days.',
} as const;

/** A quarterly standard: licences renewed within 10 days. */
export const RENEWAL_STANDARD = {
  ...SPEED,
  title: 'Renewal time',
  statement: 'We renew 90% of licences within 10 days.',
  measureDescription: 'Share of renewals completed within 10 days.',
  thresholdValue: 10,
  frequency: 'quarter',
} as const;

/** A quarterly standard: requests answered within 5 days. */
export const ANSWER_STANDARD = {
  ...SPEED,
  title: 'Answer time',
  statement: 'We answer 90% of requests within 5 days.',
  measureDescription: 'Share of requests answered within 5 days.',
  thresholdValue: 5,
  frequency: 'quarter',
} as const;

const idOf = async (call: Call): Promise<string> => (await call.expect(201)).body.id as string;

/** An agency (by default "Agency", AGY, slug agency); its id. */
export const seedAgency = (t: TestApp, body: Body = { name: 'Agency', abbreviation: 'AGY', slug: 'agency' }) =>
  idOf(t.api().post('/api/v1/agencies').send(body));

/** A service (give at least agencyId, name and slug); its id. */
export const seedService = (t: TestApp, body: Body) => idOf(t.api().post('/api/v1/services').send(body));

/** A standard (give at least serviceId and code; the rest defaults to CLAIMS_STANDARD); its id. */
export const seedStandard = (t: TestApp, body: Body) =>
  idOf(
    t
      .api()
      .post('/api/v1/standards')
      .send({ ...CLAIMS_STANDARD, ...body }),
  );

/** An agency, one service of it and one standard of that service, in one go. */
export async function seedAgencyServiceStandard(
  t: TestApp,
  bodies: { agency?: Body; service: Body; standard: Body },
): Promise<{ agencyId: string; serviceId: string; standardId: string }> {
  const agencyId = await seedAgency(t, bodies.agency);
  const serviceId = await seedService(t, { agencyId, ...bodies.service });
  const standardId = await seedStandard(t, { serviceId, ...bodies.standard });
  return { agencyId, serviceId, standardId };
}

/** The standard's target for each of these fiscal years (90 percent unless told). */
export async function setTargets(t: TestApp, standardId: string, fiscalYears: number[], value = 90): Promise<void> {
  for (const fiscalYear of fiscalYears) {
    await t
      .api()
      .put(`/api/v1/standards/${standardId}/targets`)
      .send({ fiscalYear, value, unit: 'percent' })
      .expect(200);
  }
}

/** Submits the standard and publishes it (the administrator may do both). */
export async function publish(t: TestApp, standardId: string): Promise<void> {
  await t.api().post(`/api/v1/standards/${standardId}/submit`).expect(200);
  await t.api().post(`/api/v1/standards/${standardId}/publish`).expect(200);
}

/** Records a result (201); its body. */
export const recordResult = async (t: TestApp, body: Body) =>
  (await t.api().post('/api/v1/results').send(body).expect(201)).body;

/**
 * Certifies results through the second administrator (separation of duties): one result by id, or a bulk
 * certification ({ ids } or { standardId }).
 */
export async function certify(t: TestApp, what: string | Body): Promise<void> {
  const certifier = await t.certifier();
  if (typeof what === 'string') await certifier.post(`/api/v1/results/${what}/certify`).expect(200);
  else await certifier.post('/api/v1/results/certify').send(what).expect(200);
}

/**
 * Users with one role each, `name@domain`, in the agency of that key in `agencies` (null: every agency);
 * each user's id and a personal token.
 */
export async function seedUsers(
  t: TestApp,
  agencies: Record<string, string | undefined>,
  users: readonly (readonly [name: string, role: Role, agency: string | null])[],
  domain = 'test.example',
): Promise<Record<string, { id: string; token: string }>> {
  const seeded: Record<string, { id: string; token: string }> = {};
  for (const [name, role, agency] of users) {
    const email = `${name}@${domain}`;
    const user = await t
      .api()
      .post('/api/v1/users')
      .send({ email, name, roles: [{ role, agencyId: agency && agencies[agency] }] })
      .expect(201);
    seeded[name] = { id: user.body.id as string, token: await t.tokenFor(email) };
  }
  return seeded;
}

/** An id no record has. */
export const UNKNOWN_ID = '6f1c0d9e-1111-4222-8333-444455556666';

type Detail = { field: string; value?: unknown; reason: string };
/** The fields a 400 names, sorted. */
export const fieldsOf = (response: { body: { details: Detail[] } }) => response.body.details.map((d) => d.field).sort();
