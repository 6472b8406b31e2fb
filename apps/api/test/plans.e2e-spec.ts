import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PLAN_PARTS } from '@yardstick/contracts';
import request from 'supertest';
import { PublicCache } from '../src/public/public-cache.service.js';
import { pdfText } from './support/pdf-text.js';
import { ANSWER_STANDARD } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// TEST_NOW is 2026-11-16: FY2027 runs 2026-10-01 to 2027-09-30.
const FY = 2027;
/** Strings that must never reach the public. */
const SECRETS = {
  staffNote: 'Pangolin staff-only note',
  draftSummary: 'Axolotl draft summary',
  feedbackNote: 'Capybara employee staff note',
  unpublishedFeedback: 'Tapir unpublished employee summary',
};

const standardBody = (serviceId: string, code: string) => ({
  ...ANSWER_STANDARD,
  serviceId,
  code,
  title: `Answer time ${code}`,
});

const part = (name: string, milestones: object[] = []) => ({
  approach: `${name}: what we will do.`,
  benefits: `${name}: what customers gain.`,
  milestones,
});

const fullParts = () =>
  Object.fromEntries(
    PLAN_PARTS.map((key) => [
      key,
      part(
        key,
        key === 'signature_initiative'
          ? [
              { title: 'Online renewal pilot', dueDate: '2026-10-15', status: 'in_progress' },
              { title: 'Paper forms retired', dueDate: '2026-10-20', status: 'done' },
              { title: 'Online renewal for everyone', dueDate: '2027-06-30', status: 'planned' },
            ]
          : [],
      ),
    ]),
  );

describe('Customer Service Plans and employee feedback', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const api = () => t.api();
  const as = (who: string) => t.as(tokens[who]!);
  const anon = () => request(t.server);
  /**
   * A public read after a change: the change reaches the cache through NOTIFY, asynchronously (tested in
   * public.e2e-spec.ts); here the cache is dropped first, so that the read sees what was committed.
   */
  const pub = (path: string) => {
    t.app.get(PublicCache).invalidate();
    return anon().get(path);
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, abbreviation] of [
      ['A', 'AAA'],
      ['B', 'BBB'],
    ] as const) {
      ids[key] = (
        await api()
          .post('/api/v1/agencies')
          .send({
            name: `Agency ${key}`,
            abbreviation,
            slug: `agency-${key.toLowerCase()}`,
            // What data.json (DCAT-US) requires of a publisher.
            bureauCode: '029:00',
            programCodes: ['029:001'],
            contactEmail: `open.data.${key.toLowerCase()}@agency.example`,
          })
          .expect(201)
      ).body.id;
      ids[`service${key}`] = (
        await api()
          .post('/api/v1/services')
          .send({
            agencyId: ids[key],
            name: `Service ${key}`,
            slug: `service-${key.toLowerCase()}`,
            channels: ['phone'],
          })
          .expect(201)
      ).body.id;
      ids[`standard${key}`] = (
        await api()
          .post('/api/v1/standards')
          .send(standardBody(ids[`service${key}`]!, `S-${key}`))
          .expect(201)
      ).body.id;
      await api()
        .put(`/api/v1/standards/${ids[`standard${key}`]}/targets`)
        .send({ fiscalYear: FY, value: 90, unit: 'percent' })
        .expect(200);
      await api()
        .post(`/api/v1/standards/${ids[`standard${key}`]}/submit`)
        .expect(200);
      await api()
        .post(`/api/v1/standards/${ids[`standard${key}`]}/publish`)
        .expect(200);
    }
    ids.benchmark = (
      await api()
        .post('/api/v1/benchmarks')
        .send({
          name: 'Private courier',
          sourceOrganization: 'Industry survey',
          year: 2026,
          value: 95,
          unit: 'percent',
        })
        .expect(201)
    ).body.id;
    ids.otherBenchmark = (
      await api()
        .post('/api/v1/benchmarks')
        .send({ name: 'Unlinked index', sourceOrganization: 'Elsewhere', year: 2026, value: 80, unit: 'percent' })
        .expect(201)
    ).body.id;
    await api().post(`/api/v1/standards/${ids.standardA}/benchmarks`).send({ benchmarkId: ids.benchmark }).expect(200);
    for (const [name, role, agency] of [
      ['officer', 'performance_officer', 'A'],
      ['approver', 'approver', 'A'],
      ['approverB', 'approver', 'B'],
      ['officerB', 'performance_officer', 'B'],
      ['manager', 'program_manager', null],
    ] as const) {
      const email = `${name}@test.example`;
      await api()
        .post('/api/v1/users')
        .send({ email, name, roles: [{ role, agencyId: agency && ids[agency] }] })
        .expect(201);
      tokens[name] = await t.tokenFor(email);
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('refuses bad plans with a 4xx naming the field, and writes nothing', async () => {
    const bad = async (body: object, field: string, status = 400) => {
      const res = await as('officer')
        .post('/api/v1/plans')
        .send({ agencyId: ids.A, fiscalYear: FY, ...body })
        .expect(status);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad(
      { parts: { streamlining: part('x', [{ title: 'Too late', dueDate: '2027-10-01', status: 'planned' }]) } },
      'parts.streamlining.milestones.0.dueDate',
    );
    await bad(
      { parts: { streamlining: part('x', [{ title: 'Bad', dueDate: '2027-02-30', status: 'planned' }]) } },
      'parts.streamlining.milestones.0.dueDate',
    );
    await bad({ standardIds: [ids.standardB] }, 'standardIds.0');
    await bad({ standardIds: [ids.standardA], benchmarkIds: [ids.otherBenchmark] }, 'benchmarkIds.0');
    await bad({ feedbackCollectionIds: [ids.A] }, 'feedbackCollectionIds.0');
    await bad({ parts: { streamlining: { approach: 5 } } }, 'parts.streamlining.approach');
    await bad({ colour: 'blue' }, 'colour');
    expect((await api().get('/api/v1/plans').expect(200)).body.total).toBe(0);
    // Another agency's officer may not write A's plan.
    await as('officerB').post('/api/v1/plans').send({ agencyId: ids.A, fiscalYear: FY }).expect(403);
    await anon().post('/api/v1/plans').send({ agencyId: ids.A, fiscalYear: FY }).expect(401);
  });

  it('writes a plan, refuses a second for the same year (409), and never publishes one with an empty part', async () => {
    const created = await as('officer')
      .post('/api/v1/plans')
      .send({
        agencyId: ids.A,
        fiscalYear: FY,
        summary: 'Renew online, answer faster.',
        parts: { signature_initiative: fullParts().signature_initiative },
        standardIds: [ids.standardA],
        benchmarkIds: [ids.benchmark],
        staffNote: SECRETS.staffNote,
      })
      .expect(201);
    ids.plan = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', fiscalYear: FY, current: { version: 1, status: 'draft' } });
    const again = await as('officer').post('/api/v1/plans').send({ agencyId: ids.A, fiscalYear: FY }).expect(409);
    expect(again.body.details[0].field).toBe('fiscalYear');

    const incomplete = await as('officer').post(`/api/v1/plans/${ids.plan}/submit`).expect(400);
    const fields = incomplete.body.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('parts.streamlining.approach');
    expect(fields).not.toContain('parts.signature_initiative.approach');
    expect((await api().get(`/api/v1/plans/${ids.plan}`).expect(200)).body.status).toBe('draft');

    await as('officer').patch(`/api/v1/plans/${ids.plan}`).send({ parts: fullParts() }).expect(200);
    await as('approver').post(`/api/v1/plans/${ids.plan}/submit`).expect(403);
    await as('officer').post(`/api/v1/plans/${ids.plan}/submit`).expect(200);
    await as('officer').patch(`/api/v1/plans/${ids.plan}`).send({ summary: 'x' }).expect(409);
    await as('officer').post(`/api/v1/plans/${ids.plan}/publish`).expect(403);
    await as('approverB').post(`/api/v1/plans/${ids.plan}/publish`).expect(403);
  });

  it('goes through the review queue: returned with a comment, then published', async () => {
    expect((await as('approverB').get('/api/v1/reviews/plans').expect(200)).body).toEqual([]);
    const queue = (await as('approver').get('/api/v1/reviews/plans').expect(200)).body;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ plan: { id: ids.plan }, version: { status: 'in_review' }, published: null });
    await as('approverB')
      .post(`/api/v1/reviews/plans/${ids.plan}/return`)
      .send({ comment: 'Not mine to return.' })
      .expect(403);
    await as('approver')
      .post(`/api/v1/reviews/plans/${ids.plan}/return`)
      .send({ comment: 'Say when the pilot ends.' })
      .expect(200);
    const comments = await as('officer')
      .get(`/api/v1/reviews/comments?entityType=plan&entityId=${ids.plan}`)
      .expect(200);
    expect(comments.body[0].comment).toBe('Say when the pilot ends.');
    await as('approver').post(`/api/v1/reviews/plans/${ids.plan}/return`).send({ comment: 'Again?' }).expect(409);
    // The officer's workspace lists it as returned, linking to the plan; submitted again, it leaves the list.
    const returnedPlans = async () =>
      ((await as('officer').get('/api/v1/workspace').expect(200)).body.returned as { kind: string }[]).filter(
        (item) => item.kind === 'plan',
      );
    expect(await returnedPlans()).toEqual([
      expect.objectContaining({
        id: ids.plan,
        comment: 'Say when the pilot ends.',
        staffUrl: `/staff/plans/${ids.plan}`,
      }),
    ]);

    await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`).expect(404);
    await as('officer').post(`/api/v1/plans/${ids.plan}/submit`).expect(200);
    expect(await returnedPlans()).toEqual([]);
    const published = await as('approver').post(`/api/v1/plans/${ids.plan}/publish`).expect(200);
    expect(published.body).toMatchObject({ status: 'published', current: { version: 1, status: 'published' } });
  });

  it('shows the public the published version in plain language, with late milestones and live standards', async () => {
    const res = await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`).expect(200);
    expect(res.body.summary).toBe('Renew online, answer faster.');
    expect(res.body.parts.map((p: { key: string }) => p.key)).toEqual([...PLAN_PARTS]);
    expect(res.body.parts[0].milestones.map((m: { state: string }) => m.state)).toEqual(['late', 'done', 'on_track']);
    expect(res.body.lateMilestones).toBe(1);
    expect(res.body.standards.map((s: { id: string }) => s.id)).toEqual([ids.standardA]);
    expect(res.body.benchmarks.map((b: { name: string }) => b.name)).toEqual(['Private courier']);
    expect(res.body.feedbackCollections).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain(SECRETS.staffNote);
    expect((await pub('/api/v1/public/agencies/agency-a').expect(200)).body.planYears).toEqual([FY]);
    await pub(`/api/v1/public/agencies/agency-a/plans/${FY - 1}`).expect(404);
    await pub('/api/v1/public/agencies/agency-a/plans/20x6').expect(404);
  });

  it('makes a change a new version: the published one stays until the new one is published', async () => {
    await as('officer').patch(`/api/v1/plans/${ids.plan}`).send({ summary: SECRETS.draftSummary }).expect(200);
    const plan = (await as('manager').get(`/api/v1/plans/${ids.plan}`).expect(200)).body;
    expect(plan.current).toMatchObject({ version: 1, status: 'published', summary: 'Renew online, answer faster.' });
    expect(plan.pending).toMatchObject({ version: 2, status: 'draft', summary: SECRETS.draftSummary });
    for (const path of [`/api/v1/public/agencies/agency-a/plans/${FY}`, '/data.json']) {
      expect((await pub(path).expect(200)).text).not.toContain(SECRETS.draftSummary);
    }
    await as('officer').post(`/api/v1/plans/${ids.plan}/submit`).expect(200);
    const queue = (await as('approver').get('/api/v1/reviews/plans').expect(200)).body;
    expect(queue[0].published.version).toBe(1);
    await as('approver').post(`/api/v1/plans/${ids.plan}/publish`).expect(200);
    const versions = (await as('officer').get(`/api/v1/plans/${ids.plan}/versions`).expect(200)).body;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const shown = (await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`).expect(200)).body;
    expect(shown.version).toBe(2);
    expect(shown.versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    await as('officer').delete(`/api/v1/plans/${ids.plan}`).expect(409);
  });

  it('keeps employee feedback staff-only until an approver publishes its summary; the plan links it', async () => {
    const bad = await as('officer')
      .post('/api/v1/employee-feedback')
      .send({ serviceId: ids.serviceA, periodKey: 'FY2027-Q1', employeesSurveyed: 40, employeesResponding: 45 })
      .expect(400);
    expect(bad.body.details[0].field).toBe('employeesResponding');
    const badTheme = await as('officer')
      .post('/api/v1/employee-feedback')
      .send({
        serviceId: ids.serviceA,
        periodKey: '2026-11',
        employeesSurveyed: 40,
        employeesResponding: 30,
        barriers: [{ theme: 'Old system', count: 31 }],
      })
      .expect(400);
    expect(badTheme.body.details.map((d: { field: string }) => d.field)).toEqual(['periodKey', 'barriers.0.count']);
    await as('officerB')
      .post('/api/v1/employee-feedback')
      .send({ serviceId: ids.serviceA, periodKey: 'FY2027-Q1', employeesSurveyed: 40, employeesResponding: 30 })
      .expect(403);
    const created = await as('officer')
      .post('/api/v1/employee-feedback')
      .send({
        serviceId: ids.serviceA,
        periodKey: 'FY2027-Q1',
        employeesSurveyed: 40,
        employeesResponding: 30,
        barriers: [{ theme: 'Old case system', count: 18 }],
        ideas: [{ theme: 'Call-backs instead of hold', count: 12 }],
        summary: SECRETS.unpublishedFeedback,
        staffNote: SECRETS.feedbackNote,
      })
      .expect(201);
    ids.feedback = created.body.id;
    await as('officer')
      .post('/api/v1/employee-feedback')
      .send({ serviceId: ids.serviceA, periodKey: 'FY2027-Q1', employeesSurveyed: 1, employeesResponding: 1 })
      .expect(409);
    expect((await as('approverB').get('/api/v1/employee-feedback').expect(200)).body.total).toBe(0);
    await as('officer')
      .patch(`/api/v1/plans/${ids.plan}`)
      .send({ employeeFeedbackIds: [ids.feedback] })
      .expect(200);
    await as('officer').post(`/api/v1/plans/${ids.plan}/submit`).expect(200);
    await as('approver').post(`/api/v1/plans/${ids.plan}/publish`).expect(200);
    const before = await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`).expect(200);
    expect(before.body.employeeFeedback).toEqual([]);
    expect(before.text).not.toContain(SECRETS.unpublishedFeedback);

    await as('officer').post(`/api/v1/employee-feedback/${ids.feedback}/publish`).expect(403);
    await as('approver').post(`/api/v1/employee-feedback/${ids.feedback}/publish`).expect(200);
    const after = await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`).expect(200);
    expect(after.body.employeeFeedback).toMatchObject([
      { service: { slug: 'service-a' }, periodKey: 'FY2027-Q1', employeesSurveyed: 40, employeesResponding: 30 },
    ]);
    expect(after.text).not.toContain(SECRETS.feedbackNote);
    // A change withdraws the summary until it is published again.
    await as('officer')
      .patch(`/api/v1/employee-feedback/${ids.feedback}`)
      .send({ employeesResponding: 31 })
      .expect(200);
    expect((await pub(`/api/v1/public/agencies/agency-a/plans/${FY}`)).body.employeeFeedback).toEqual([]);
  });

  it('prints the plan as a PDF holding its text, and lists it in data.json', async () => {
    const res = await pub(`/api/v1/public/agencies/agency-a/plans/${FY}/plan.pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const words of [
      'Customer Service Plan',
      'signature_initiative: what we will do.',
      'Online renewal pilot',
      'Late',
      'Private courier',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain(SECRETS.staffNote);
    const catalog = (await pub('/data.json').expect(200)).body;
    const dataset = catalog.dataset.find((d: { title: string }) => d.title.includes('Customer Service Plan'));
    expect(dataset.landingPage).toMatch(new RegExp(`/agencies/agency-a/plans/${FY}$`));
    expect(dataset.distribution.map((d: { format: string }) => d.format)).toEqual(['JSON', 'PDF']);
  });

  it('records channels and complaint routes on a service and shows them on its public pages', async () => {
    const bad = await as('officer')
      .patch(`/api/v1/services/${ids.serviceA}`)
      .send({
        channelDetails: [{ channel: 'online', hours: 'Always', howToReach: 'https://example.gov' }],
        complaints: { responseDays: 15 },
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['channelDetails.0.channel', 'complaints']);
    const badPhone = await as('officer')
      .patch(`/api/v1/services/${ids.serviceA}`)
      .send({ complaints: { phone: 'call us', responseDays: 0 } })
      .expect(400);
    expect(badPhone.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'complaints.phone',
      'complaints.responseDays',
    ]);
    await as('officer')
      .patch(`/api/v1/services/${ids.serviceA}`)
      .send({
        channelDetails: [
          { channel: 'phone', hours: 'Monday to Friday, 8 a.m. to 8 p.m.', howToReach: 'Call 1-800-555-0100' },
        ],
        complaints: {
          url: 'https://example.gov/complain',
          phone: '1-800-555-0199',
          responseDays: 15,
          appeal: 'Ask for a supervisor review within 30 days.',
        },
      })
      .expect(200);
    const service = (await pub('/api/v1/public/services/service-a').expect(200)).body.service;
    expect(service.channelDetails).toEqual([
      { channel: 'phone', hours: 'Monday to Friday, 8 a.m. to 8 p.m.', howToReach: 'Call 1-800-555-0100' },
    ]);
    expect(service.complaints).toMatchObject({ phone: '1-800-555-0199', responseDays: 15, address: null });
    const standard = (await pub(`/api/v1/public/standards/${ids.standardA}`).expect(200)).body;
    expect(standard.complaints.url).toBe('https://example.gov/complain');
  });

  it('imports employee feedback as CSV through the import pipeline, atomically, naming each bad line', async () => {
    const template = await as('officer').get('/api/v1/imports/employee-feedback-template.csv').expect(200);
    expect(template.text.trim()).toBe(
      'agency,service,period,employees_surveyed,employees_responding,kind,theme,count,summary,staff_note',
    );
    const upload = (csv: string, query = '', who = 'officer') =>
      as(who)
        .post(`/api/v1/imports?format=employee-feedback${query}`)
        .attach('file', Buffer.from(csv), 'employees.csv');
    const header = 'agency,service,period,employees_surveyed,employees_responding,kind,theme,count,summary\n';
    const good =
      header +
      'AAA,service-a,FY2027-Q2,50,40,barrier,Old case system,22,Staff want one system.\n' +
      'AAA,service-a,FY2027-Q2,50,40,idea,Call-backs,15,\n' +
      'AAA,service-a,FY2027,60,44,,,,Yearly pulse survey.\n';
    const bad =
      good +
      'AAA,service-a,FY2027-Q3,40,45,idea,More staff,3,\n' +
      'AAA,service-a,FY2027-Q2,51,40,idea,Shorter forms,2,\n' +
      'AAA,service-a,FY2027-Q2,50,40,idea,call-backs,1,\n' +
      'BBB,service-b,FY2027-Q2,10,5,idea,Anything,1,\n';
    const rejected = await upload(bad).expect(201);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [5, 'employees_responding'],
      [6, 'employees_surveyed'],
      [7, 'theme'],
      [8, 'agency'],
    ]);
    expect(rejected.body.errors[0].reason).toContain('must not be more than employees_surveyed (40)');
    await upload(bad, '&mode=partial').expect(400);
    const list = () => as('officer').get(`/api/v1/employee-feedback?serviceId=${ids.serviceA}`).expect(200);
    expect((await list()).body.total).toBe(1);

    const first = await upload(good).expect(201);
    expect(first.body).toMatchObject({ status: 'completed', inserted: 2, updated: 0, unchanged: 0 });
    const again = await upload(good).expect(201);
    expect(again.body).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 2 });
    const quarter = (await list()).body.items.find((f: { periodKey: string }) => f.periodKey === 'FY2027-Q2');
    expect(quarter).toMatchObject({
      employeesSurveyed: 50,
      employeesResponding: 40,
      barriers: [{ theme: 'Old case system', count: 22 }],
      ideas: [{ theme: 'Call-backs', count: 15 }],
      summary: 'Staff want one system.',
      publishedAt: null,
    });
  });
});
