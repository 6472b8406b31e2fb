import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './support/test-app.js';

// TEST_NOW is 2026-11-16 (FY2027 Q1): FY2026 Q4 ended 2026-09-30 and was due 2026-10-30.
const HEADER =
  'external_id,question_1,positive_effectiveness,positive_ease,positive_efficiency,positive_transparency,positive_humanity,positive_employee,positive_other,negative_effectiveness,negative_ease,negative_efficiency,negative_transparency,negative_humanity,negative_employee,negative_other,question_4';
const FREE_TEXT = 'The clerk at window 3 was rude (SECRET-FREE-TEXT)';

/** A v2 file of `n` responses: every fourth a thumbs down, with a BOM and CRLF as Touchpoints writes it. */
function v2File(n: number, edit?: (lines: string[]) => void): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    const up = i % 4 !== 0;
    const flags = up ? '1,1,0,0,1,0,0,0,0,0,0,0,0,0' : '0,0,0,0,0,0,0,1,1,0,0,0,0,0';
    lines.push(`${100000 + i},${up ? 1 : 0},${flags},${i === 1 ? `"${FREE_TEXT}"` : '""'}`);
  }
  edit?.(lines);
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
}

const COUNTS_HEADER = [
  'fiscal_year',
  'quarter',
  'channel',
  'surveys_offered',
  'respondents',
  'customers_served',
  ...Array.from({ length: 7 }, (_, q) => [1, 2, 3, 4, 5].map((p) => `q${q + 1}_${p}`)).flat(),
].join(',');
const countsRow = (fy: number, q: number, channel: string, counts = '1,2,3,10,20') =>
  [fy, q, channel, 100, 36, 1000, ...Array.from({ length: 7 }, () => counts)].join(',');

describe('customer feedback collections (A-11 Section 280)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const upload = (token: string, query: string, file: Buffer, name = 'responses.csv') =>
    t.as(token).post(`/api/v1/imports?${query}`).attach('file', file, name);
  const v2Query = (extra = '') =>
    `format=a11-responses&serviceId=${ids.service}&fiscalYear=2026&quarter=4&channel=online${extra}`;
  const responseCount = async () =>
    Number((await t.app.get(DataSource).query('SELECT count(*) AS n FROM cx_responses'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    const api = t.api();
    for (const key of ['A', 'B']) {
      ids[key] = (
        await api
          .post('/api/v1/agencies')
          .send({
            name: `Agency ${key}`,
            abbreviation: `${key}${key}${key}`,
            slug: `agency-${key.toLowerCase()}`,
            // What data.json (DCAT-US) requires of a publisher.
            bureauCode: '029:00',
            programCodes: ['029:001'],
            contactEmail: `open.data.${key.toLowerCase()}@agency.example`,
          })
          .expect(201)
      ).body.id;
    }
    ids.service = (
      await api
        .post('/api/v1/services')
        .send({ agencyId: ids.A, name: 'Benefits', slug: 'benefits', hisp: true, channels: ['online'] })
        .expect(201)
    ).body.id;
    // A published standard makes the service public.
    ids.standard = (
      await api
        .post('/api/v1/standards')
        .send({
          serviceId: ids.service,
          code: 'BEN-SAT',
          title: 'Trust',
          statement: 'Most customers trust the service.',
          dimension: 'satisfaction',
          measureDescription: 'Share of positive trust answers.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 4,
          thresholdUnit: 'score',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    for (const fiscalYear of [2026, 2027]) {
      await api
        .put(`/api/v1/standards/${ids.standard}/targets`)
        .send({ fiscalYear, value: 80, unit: 'percent' })
        .expect(200);
    }
    await api.post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    await api.post(`/api/v1/standards/${ids.standard}/publish`).expect(200);
    for (const [name, role, agency] of [
      ['officer', 'performance_officer', 'A'],
      ['approver', 'approver', 'A'],
      ['officerB', 'performance_officer', 'B'],
      ['approverB', 'approver', 'B'],
    ] as const) {
      const email = `${name}@test.example`;
      await api
        .post('/api/v1/users')
        .send({ email, name, roles: [{ role, agencyId: ids[agency] }] })
        .expect(201);
      tokens[name] = await t.tokenFor(email);
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('refuses a v2 file with a wrong or missing column, an empty file, bad parameters and another agency', async () => {
    const officer = tokens.officer!;
    const wrong = await upload(
      officer,
      v2Query(),
      Buffer.from(HEADER.replace('positive_ease', 'positive_eas') + '\n1,1\n'),
    ).expect(400);
    expect(wrong.body.message).toContain('missing columns: positive_ease');
    expect(wrong.body.message).toContain('unknown columns: positive_eas');
    const missing = await upload(
      officer,
      v2Query(),
      Buffer.from(HEADER.replace(',question_4', '') + '\n1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n'),
    ).expect(400);
    expect(missing.body.message).toContain('missing columns: question_4');
    await upload(officer, v2Query(), Buffer.from('')).expect(400);
    const headerOnly = await upload(officer, v2Query(), Buffer.from(HEADER + '\n')).expect(400);
    expect(headerOnly.body.message).toMatch(/no rows/);
    const early = await upload(officer, v2Query().replace('fiscalYear=2026', 'fiscalYear=2023'), v2File(3)).expect(400);
    expect(early.body.details[0]).toMatchObject({ field: 'fiscalYear' });
    const future = await upload(
      officer,
      v2Query().replace('fiscalYear=2026&quarter=4', 'fiscalYear=2027&quarter=3'),
      v2File(3),
    ).expect(400);
    expect(future.body.details[0]).toMatchObject({ field: 'quarter' });
    const noChannel = await upload(officer, v2Query().replace('&channel=online', ''), v2File(3)).expect(400);
    expect(noChannel.body.details[0]).toMatchObject({ field: 'channel' });
    await upload(tokens.officerB!, v2Query(), v2File(3)).expect(403);
    await upload(tokens.approver!, v2Query(), v2File(3)).expect(403);
    await request(t.server).post(`/api/v1/imports?${v2Query()}`).attach('file', v2File(3), 'r.csv').expect(401);
    expect(await responseCount()).toBe(0);
  });

  it('refuses values outside the survey type, driver flags other than 0/1 and repeated ids, naming line and column, writing nothing', async () => {
    const officer = tokens.officer!;
    const bad = await upload(
      officer,
      v2Query(),
      v2File(5, (lines) => {
        lines[2] = lines[2]!.replace(/^(\d+),1,/, '$1,4,'); // line 3: a 1-5 answer on a thumbs survey
        lines[5] = lines[5]!.replace(/^(\d+),(\d),1,/, '$1,$2,2,'); // line 6: a flag of 2
      }),
    ).expect(422);
    expect(bad.body.details).toEqual([
      expect.objectContaining({ line: 3, column: 'question_1', value: '4' }),
      expect.objectContaining({ line: 6, column: 'positive_effectiveness', value: '2' }),
    ]);
    const repeated = await upload(
      officer,
      v2Query(),
      v2File(4, (lines) => lines.push(lines[2]!)),
    ).expect(422);
    expect(repeated.body.details).toEqual([
      expect.objectContaining({ line: 6, column: 'external_id', value: '100002' }),
    ]);
    expect(await responseCount()).toBe(0);
  });

  it('loads a v2 file (BOM, CRLF), and loading it again changes nothing', async () => {
    const first = await upload(tokens.officer!, v2Query(), v2File(40)).expect(201);
    expect(first.body).toMatchObject({ status: 'completed', format: 'a11-responses', inserted: 40, errorCount: 0 });
    const again = await upload(tokens.officer!, v2Query(), v2File(40)).expect(201);
    expect(again.body).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 40 });
    // A changed answer is an update; a repeat inside the file is refused even against loaded rows.
    const changed = await upload(
      tokens.officer!,
      v2Query(),
      v2File(41, (lines) => (lines[1] = lines[1]!.replace(/^(\d+),1,/, '$1,0,'))),
    ).expect(201);
    expect(changed.body).toMatchObject({ inserted: 1, updated: 1, unchanged: 39 });
    const repeated = await upload(
      tokens.officer!,
      v2Query(),
      v2File(41, (lines) => lines.push(lines[3]!)),
    ).expect(422);
    expect(repeated.body.details[0]).toMatchObject({ line: 43, column: 'external_id' });
    const partial = await upload(
      tokens.officer!,
      v2Query('&mode=partial'),
      v2File(41, (l) => l.push(l[3]!)),
    ).expect(201);
    // Partial keeps the good rows: the first answer is back to thumbs up, the repeat is refused.
    expect(partial.body).toMatchObject({ errorCount: 1, inserted: 0, updated: 1, unchanged: 40 });
    expect(await responseCount()).toBe(41);
    const list = await t.as(tokens.officer!).get(`/api/v1/cx-collections?serviceId=${ids.service}`).expect(200);
    expect(list.body).toHaveLength(1);
    ids.collection = list.body[0].id;
    expect(list.body[0]).toMatchObject({ status: 'draft', periodKey: 'FY2026-Q4', dueDate: '2026-10-30' });
    const trust = list.body[0].scores.questions.find((q: { question: string }) => q.question === 'trust');
    // 41 responses: ids 100004, 100008, ... (10) are down.
    expect(trust).toMatchObject({ respondents: 41, thumbs: { up: 31, down: 10 }, smallSample: false });
    expect(trust.lower).toBeLessThan(trust.percentPositive);
    expect(trust.upper).toBeGreaterThan(trust.percentPositive);
    expect(list.body[0].scores.drivers.find((d: { driver: string }) => d.driver === 'effectiveness')).toMatchObject({
      positive: 31,
      negative: 10,
    });
  });

  it('refuses a second collection for the same service and quarter (409), and volumes out of order', async () => {
    await t
      .as(tokens.officer!)
      .post('/api/v1/cx-collections')
      .send({ serviceId: ids.service, fiscalYear: 2026, quarter: 4 })
      .expect(409);
    await t
      .as(tokens.officerB!)
      .post('/api/v1/cx-collections')
      .send({ serviceId: ids.service, fiscalYear: 2026, quarter: 3 })
      .expect(403);
    const order = await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/${ids.collection}/details`)
      .send({ channel: 'online', surveyType: 'thumbs', customersServed: 100, surveysOffered: 50, respondents: 60 })
      .expect(400);
    expect(order.body.details[0]).toMatchObject({ field: 'respondents' });
    await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/${ids.collection}/details`)
      .send({ channel: 'online', surveyType: 'thumbs', customersServed: 1000, surveysOffered: 200, respondents: 41 })
      .expect(200);
  });

  it('shows the free text to staff of the agency only, and the public never sees a draft or submitted collection', async () => {
    const text = await t.as(tokens.officer!).get(`/api/v1/cx-collections/${ids.collection}/free-text`).expect(200);
    expect(text.body).toEqual([{ externalId: '100001', channel: 'online', text: FREE_TEXT }]);
    await t.as(tokens.officerB!).get(`/api/v1/cx-collections/${ids.collection}/free-text`).expect(403);
    await t.as(tokens.officerB!).get(`/api/v1/cx-collections/${ids.collection}`).expect(403);
    await request(t.server).get(`/api/v1/cx-collections/${ids.collection}/free-text`).expect(401);

    const notPublic = async () => {
      await request(t.server).get('/api/v1/public/services/benefits/cx.json').expect(404);
      const html = await request(t.server).get('/services/benefits').expect(200);
      expect(html.text).not.toContain('Customer experience');
      const page = await request(t.server).get('/api/v1/public/services/benefits').expect(200);
      expect(page.body.cx).toBeUndefined();
    };
    await notPublic();
    // Submitted: in the approvers' queue, still not public; another agency's approver may not publish it.
    await t.as(tokens.officer!).post(`/api/v1/cx-collections/${ids.collection}/submit`).expect(200);
    await notPublic();
    const queue = await t.as(tokens.approver!).get('/api/v1/reviews/cx-collections').expect(200);
    expect(queue.body.map((c: { id: string }) => c.id)).toEqual([ids.collection]);
    // The approver's workspace lists it as waiting for review; another agency's approver's does not.
    const waiting = (await t.as(tokens.approver!).get('/api/v1/workspace').expect(200)).body.awaitingReview;
    expect(waiting).toContainEqual(expect.objectContaining({ kind: 'collection', id: ids.collection }));
    const elsewhere = (await t.as(tokens.approverB!).get('/api/v1/workspace').expect(200)).body.awaitingReview;
    expect(elsewhere.filter((item: { kind: string }) => item.kind === 'collection')).toEqual([]);
    expect((await t.as(tokens.approverB!).get('/api/v1/reviews/cx-collections').expect(200)).body).toEqual([]);
    await t.as(tokens.approverB!).post(`/api/v1/cx-collections/${ids.collection}/publish`).expect(403);
    await t.as(tokens.officer!).post(`/api/v1/cx-collections/${ids.collection}/publish`).expect(403);
    // A submitted collection takes no more data.
    await upload(tokens.officer!, v2Query(), v2File(45)).expect(409);

    // Returned with a comment, then submitted and published.
    await t
      .as(tokens.approver!)
      .post(`/api/v1/reviews/cx-collections/${ids.collection}/return`)
      .send({ comment: 'Give the OMB control number.' })
      .expect(200);
    const comments = await t
      .as(tokens.officer!)
      .get(`/api/v1/reviews/comments?entityType=cx_collection&entityId=${ids.collection}`)
      .expect(200);
    expect(comments.body[0]).toMatchObject({ comment: 'Give the OMB control number.' });
    // The officer's workspace says it is back, with the comment and the page that resolves it.
    const back = (await t.as(tokens.officer!).get('/api/v1/workspace').expect(200)).body.returned;
    expect(back).toContainEqual(
      expect.objectContaining({
        kind: 'collection',
        id: ids.collection,
        comment: 'Give the OMB control number.',
        staffUrl: '/staff/customer-feedback',
      }),
    );
    await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/${ids.collection}/details`)
      .send({
        channel: 'online',
        surveyType: 'thumbs',
        ombControlNumber: '2900-0001',
        surveysOffered: 200,
        respondents: 41,
        customersServed: 1000,
      })
      .expect(200);
    await t.as(tokens.officer!).post(`/api/v1/cx-collections/${ids.collection}/submit`).expect(200);
    await notPublic();
    // The service's survey-based satisfaction standard is measured by the trust question.
    await t
      .as(tokens.officerB!)
      .put(`/api/v1/cx-collections/standard-questions/${ids.standard}`)
      .send({ question: 'trust' })
      .expect(403);
    await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/standard-questions/${ids.standard}`)
      .send({ question: 'happiness' })
      .expect(400);
    await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/standard-questions/${ids.standard}`)
      .send({ question: 'trust' })
      .expect(200);
    const linked = await t
      .as(tokens.officer!)
      .get(`/api/v1/cx-collections/standard-questions/${ids.standard}`)
      .expect(200);
    expect(linked.body).toEqual({ standardId: ids.standard, question: 'trust' });
    await t.as(tokens.officerB!).get(`/api/v1/cx-collections/standard-questions/${ids.standard}`).expect(403);
    const published = await t.as(tokens.approver!).post(`/api/v1/cx-collections/${ids.collection}/publish`).expect(200);
    expect(published.body.status).toBe('published');
    // Its FY2026 Q4 result comes from the published collection: positive answers of respondents, for certifying.
    const [result] = await t.app.get(DataSource).query(
      `SELECT value::float8 AS value, numerator::int AS numerator, denominator::int AS denominator, sample_size,
           certified_at FROM results WHERE standard_id = $1 AND period_key = 'FY2026-Q4' AND channel = 'all'`,
      [ids.standard],
    );
    expect(result).toMatchObject({ numerator: 31, denominator: 41, sample_size: 41, certified_at: null });
    expect(result.value).toBeCloseTo((31 / 41) * 100, 6);

    const json = await request(t.server).get('/api/v1/public/services/benefits/cx.json').expect(200);
    expect(json.body.collections).toHaveLength(1);
    expect(json.body.collections[0]).toMatchObject({ periodKey: 'FY2026-Q4', notRandomSample: true });
    expect(json.body.collections[0].scores.responseRate).toBeCloseTo(20.5, 6);
    const csv = await request(t.server).get('/api/v1/public/services/benefits/cx.csv').expect(200);
    expect(csv.text).toMatch(/benefits"?,"?FY2026-Q4"?,"?trust"?,/);
    const page = await request(t.server).get('/api/v1/public/services/benefits').expect(200);
    expect(page.body.cx).toHaveLength(1);
    const agency = await request(t.server).get('/api/v1/public/agencies/agency-a').expect(200);
    expect(agency.body.cx[0]).toMatchObject({ serviceSlug: 'benefits', periodKey: 'FY2026-Q4', respondents: 41 });
    const catalog = await request(t.server).get('/data.json').expect(200);
    expect(JSON.stringify(catalog.body)).toContain('/api/v1/public/services/benefits/cx.csv');
    // The server-rendered pages (the web app's build) carry the section in their HTML, without JavaScript.
    const html = await request(t.server).get('/services/benefits').expect(200);
    expect(html.text).toContain('Customer experience');
    expect(html.text).toContain('not a random sample');
    expect(html.text).toContain('Trust over quarters, with its 95% interval');
    const agencyHtml = await request(t.server).get('/agencies/agency-a').expect(200);
    expect(agencyHtml.text).toContain('Customer feedback');
    for (const body of [
      json.text,
      csv.text,
      page.text,
      agency.text,
      html.text,
      agencyHtml.text,
      JSON.stringify(catalog.body),
    ]) {
      expect(body).not.toContain('SECRET-FREE-TEXT');
    }
  });

  it('imports FY2019-23 answer counts, checking counts and volumes, and scores them with their intervals', async () => {
    const query = `format=a11-question-counts&serviceId=${ids.service}`;
    const bad = await upload(
      tokens.officer!,
      query,
      Buffer.from(
        [
          COUNTS_HEADER,
          countsRow(2023, 1, 'online', '1,2,3,10,-1'),
          countsRow(2023, 2, 'online', '1,2,3,10,200'),
          countsRow(2024, 1, 'online'),
          countsRow(2023, 1, 'fax'),
        ].join('\n'),
      ),
    ).expect(422);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: 'q1_5', value: '-1' }),
        expect.objectContaining({ line: 3, column: 'q1_5' }),
        expect.objectContaining({ line: 4, column: 'fiscal_year', value: '2024' }),
        expect.objectContaining({ line: 5, column: 'channel', value: 'fax' }),
      ]),
    );
    const file = Buffer.from(
      [COUNTS_HEADER, countsRow(2023, 1, 'online'), countsRow(2023, 1, 'phone', '0,0,1,2,3')].join('\n'),
    );
    const first = await upload(tokens.officer!, query, file).expect(201);
    expect(first.body).toMatchObject({ inserted: 2, errorCount: 0 });
    expect((await upload(tokens.officer!, query, file).expect(201)).body).toMatchObject({ inserted: 0, unchanged: 2 });
    const [collection] = (
      await t.as(tokens.officer!).get(`/api/v1/cx-collections?serviceId=${ids.service}&fiscalYear=2023`).expect(200)
    ).body;
    const satisfaction = collection.scores.questions.find((q: { question: string }) => q.question === 'satisfaction');
    // Channels added count by count: 1,2,4,12,23 (42 answers, 35 positive), never an average of two percentages.
    expect(satisfaction).toMatchObject({ counts: [1, 2, 4, 12, 23], respondents: 42, averageOnly: false });
    expect(satisfaction.percentPositive).toBeCloseTo((35 / 42) * 100, 10);
    expect(satisfaction.meanLower).toBeLessThan(satisfaction.mean);
    expect(collection.scores.respondents).toBe(72);
  });

  it('imports performance.gov HISP volumes and averages, keeping averages as averages (no counts, no interval)', async () => {
    const query = `format=performance-gov-hisp&serviceId=${ids.service}&channel=email`;
    const volumes = Buffer.from(
      'hisp,service,year,quarter,universe,surveyed,respondents,response_rate\n' +
        'va,vha,2020,1,"8,586,476","1,808,680","304,687",17%\n' +
        'va,vha,2020,2,"8,586,476","1,808,680","9,999,999",17%\n',
    );
    const bad = await upload(tokens.officer!, query, volumes).expect(422);
    expect(bad.body.details[0]).toMatchObject({ line: 3, column: 'respondents' });
    const good = Buffer.from(
      'hisp,service,year,quarter,universe,surveyed,respondents,response_rate\nva,vha,2020,1,"8,586,476","1,808,680","304,687",17%\n',
    );
    expect((await upload(tokens.officer!, query, good).expect(201)).body).toMatchObject({ inserted: 1 });
    const scores = Buffer.from(
      'hisp,service,year,quarter,question,average_score,description\n' +
        'va,vha,2020,1,Trust / Confidence,4.42,"Agreed ""This increased my trust"""\n' +
        'va,vha,2020,1,Satisfaction,4.70,"Agreed ""I am satisfied"""\n',
    );
    expect((await upload(tokens.officer!, query, scores).expect(201)).body.errorCount).toBe(0);
    const [collection] = (
      await t.as(tokens.officer!).get(`/api/v1/cx-collections?serviceId=${ids.service}&fiscalYear=2020`).expect(200)
    ).body;
    expect(collection.details[0]).toMatchObject({ channel: 'email', questionSet: 'averages', respondents: 304687 });
    const trust = collection.scores.questions.find((q: { question: string }) => q.question === 'trust');
    expect(trust).toMatchObject({
      averageOnly: true,
      mean: 4.42,
      counts: null,
      lower: null,
      upper: null,
      percentPositive: null,
    });
    const twoServices = Buffer.from(
      'hisp,service,year,quarter,question,average_score\nva,vha,2020,1,Trust,4.1\nva,vba,2020,1,Satisfaction,4.2\n',
    );
    expect((await upload(tokens.officer!, query, twoServices).expect(422)).body.details[0]).toMatchObject({
      line: 3,
      column: 'hisp',
    });
    const outOfScale = Buffer.from('hisp,service,year,quarter,question,average_score\nva,vha,2020,1,Trust,6\n');
    expect((await upload(tokens.officer!, query, outOfScale).expect(422)).body.details[0]).toMatchObject({
      line: 2,
      column: 'average_score',
    });
  });

  it('lists due and overdue quarters of HISP services, and a not-reported quarter is no longer due', async () => {
    const due = await t.as(tokens.officer!).get(`/api/v1/cx-collections/due?agencyId=${ids.A}`).expect(200);
    const keys = due.body.map((d: { periodKey: string; dueState: string }) => `${d.periodKey} ${d.dueState}`);
    expect(keys).toContain('FY2026-Q3 overdue');
    expect(keys).not.toContain('FY2026-Q4 overdue'); // published
    await t.as(tokens.officerB!).get(`/api/v1/cx-collections/due?agencyId=${ids.A}`).expect(403);
    const created = await t
      .as(tokens.officer!)
      .post('/api/v1/cx-collections')
      .send({ serviceId: ids.service, fiscalYear: 2026, quarter: 3 })
      .expect(201);
    await t.as(tokens.officer!).post(`/api/v1/cx-collections/${created.body.id}/not-reported`).expect(200);
    const after = await t.as(tokens.officer!).get(`/api/v1/cx-collections/due?agencyId=${ids.A}`).expect(200);
    expect(after.body.map((d: { periodKey: string }) => d.periodKey)).not.toContain('FY2026-Q3');
  });
});

describe('a per-response file over the size limit', () => {
  it('answers 413 and writes nothing', async () => {
    const t = await createTestApp({ IMPORT_MAX_SIZE: '64kb' });
    try {
      const agency = (
        await t
          .api()
          .post('/api/v1/agencies')
          .send({ name: 'Agency A', abbreviation: 'AAA', slug: 'agency-a' })
          .expect(201)
      ).body.id;
      const service = (
        await t
          .api()
          .post('/api/v1/services')
          .send({ agencyId: agency, name: 'Benefits', slug: 'benefits', hisp: true })
          .expect(201)
      ).body.id;
      await t
        .api()
        .post(`/api/v1/imports?format=a11-responses&serviceId=${service}&fiscalYear=2026&quarter=4&channel=online`)
        .attach('file', v2File(3000), 'big.csv')
        .expect(413);
      const rows = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM cx_responses');
      expect(rows[0].n).toBe(0);
    } finally {
      await t.close();
    }
  });
});
