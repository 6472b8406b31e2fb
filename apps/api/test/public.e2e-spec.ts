import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import request from 'supertest';
import { csvCell } from '../src/public/public-files.js';
import { pdfText } from './support/pdf-text.js';
import { ANSWER_STANDARD } from './support/fixtures.js';
import { createTestApp, TEST_NOW, type TestApp } from './support/test-app.js';

const FY = fiscalYearOf(new Date(TEST_NOW));
/** Strings that must never reach the public: each sits only in a draft, a pending version or an uncertified result. */
const SECRETS = {
  draftStandard: 'Zebra draft standard',
  pendingVersion: 'Quokka pending wording',
  uncertifiedSource: 'Walrus uncertified source',
  otherAgencyDraft: 'Narwhal private standard',
  otherAgencyService: 'Okapi internal service',
};

const standardBody = (serviceId: string, code: string, title: string) => ({
  ...ANSWER_STANDARD,
  serviceId,
  code,
  title,
  statement: `${title}: we answer 90% of requests within 5 days.`,
});

describe('the public site and open data', () => {
  let t: TestApp;
  let publishedId: string;
  let draftId: string;
  let otherDraftId: string;
  let uncertifiedResultId: string;
  const api = () => t.api();
  const anon = () => request(t.server);

  beforeAll(async () => {
    t = await createTestApp();
    const alpha = (
      await api()
        .post('/api/v1/agencies')
        .send({
          name: 'Alpha Agency',
          abbreviation: 'ALP',
          slug: 'alpha',
          bureauCode: '016:00',
          programCodes: ['016:000'],
          contactEmail: 'open.data@alpha.example.gov',
        })
    ).body.id;
    const bravo = (
      await api().post('/api/v1/agencies').send({ name: 'Bravo Agency', abbreviation: 'BRV', slug: 'bravo' })
    ).body.id;
    const service = (
      await api()
        .post('/api/v1/services')
        .send({
          agencyId: alpha,
          name: 'Renewals',
          slug: 'renewals',
          customers: 'Licence holders',
          channels: ['online'],
        })
        .expect(201)
    ).body.id;
    const otherService = (
      await api()
        .post('/api/v1/services')
        .send({ agencyId: bravo, name: SECRETS.otherAgencyService, slug: 'okapi' })
        .expect(201)
    ).body.id;

    publishedId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(service, 'RENEW', 'Renewal time'))
        .expect(201)
    ).body.id;
    for (const fiscalYear of [FY - 1, FY]) {
      await api()
        .put(`/api/v1/standards/${publishedId}/targets`)
        .send({ fiscalYear, value: 90, unit: 'percent' })
        .expect(200);
    }
    await api().post(`/api/v1/standards/${publishedId}/submit`).expect(200);
    await api().post(`/api/v1/standards/${publishedId}/publish`).expect(200);
    // A new wording, edited but never published.
    await api().patch(`/api/v1/standards/${publishedId}`).send({ title: SECRETS.pendingVersion }).expect(200);

    draftId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(service, 'DRAFT', SECRETS.draftStandard))
        .expect(201)
    ).body.id;
    otherDraftId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(otherService, 'OTHER', SECRETS.otherAgencyDraft))
        .expect(201)
    ).body.id;

    const record = async (standardId: string, period: string, numerator: number, source: string) =>
      (
        await api()
          .post('/api/v1/results')
          .send({ standardId, period, numerator, denominator: 100, source })
          .expect(201)
      ).body.id as string;
    // Results are recorded once their period is over: the clock moves past FY's last quarter, and back.
    t.clock.set(`${FY}-10-01T12:00:00Z`);
    const certified = [
      await record(publishedId, `FY${FY - 1}-Q1`, 95, 'Case system'),
      await record(publishedId, `FY${FY - 1}-Q2`, 92, 'Case system'),
      await record(publishedId, `FY${FY}-Q1`, 97, '=HYPERLINK("http://evil.example")'),
    ];
    await (await t.certifier()).post('/api/v1/results/certify').send({ ids: certified }).expect(200);
    uncertifiedResultId = await record(publishedId, `FY${FY}-Q2`, 91, SECRETS.uncertifiedSource);
    await record(draftId, `FY${FY}-Q1`, 50, SECRETS.draftStandard);
    t.clock.set(TEST_NOW);
  });
  afterAll(async () => {
    await t?.close();
  });

  const publicAnswers = async (): Promise<Map<string, { status: number; text: string }>> => {
    const paths = [
      '/api/v1/public',
      '/api/v1/public/home',
      '/api/v1/public/home?q=agency',
      '/api/v1/public/home?q=Zebra',
      '/api/v1/public/home?q=Narwhal',
      '/api/v1/public/agencies',
      '/api/v1/public/agencies/alpha',
      '/api/v1/public/agencies/alpha/results.csv',
      '/api/v1/public/agencies/alpha/results.json',
      '/api/v1/public/agencies/bravo',
      '/api/v1/public/services/renewals',
      '/api/v1/public/services/okapi',
      `/api/v1/public/standards/${publishedId}`,
      `/api/v1/public/standards/${publishedId}/results.csv`,
      `/api/v1/public/standards/${publishedId}/results.json`,
      `/api/v1/public/standards/${draftId}`,
      `/api/v1/public/standards/${otherDraftId}/results.csv`,
      `/api/v1/public/embed/standards/${publishedId}`,
      `/api/v1/public/embed/standards/${draftId}`,
      `/api/v1/public/reports/alpha/${FY}`,
      `/api/v1/public/reports/alpha/${FY}/report.csv`,
      `/api/v1/public/reports/alpha/${FY}/report.pdf`,
      `/api/v1/public/reports/bravo/${FY}`,
      '/api/v1/public/data.json',
      '/data.json',
      // The server-rendered pages (the web app's build; npm test builds it first).
      '/',
      '/?q=Zebra',
      '/agencies/alpha',
      '/agencies/bravo',
      '/services/renewals',
      '/agencies/alpha/standards/RENEW',
      `/standards/${publishedId}`,
      `/standards/${draftId}`,
      `/reports/alpha/${FY}`,
      `/embed/standards/${publishedId}`,
      `/embed/standards/${draftId}`,
    ];
    const answers = new Map<string, { status: number; text: string }>();
    for (const path of paths) {
      const response = await anon()
        .get(path)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      const body = response.body as Buffer;
      answers.set(path, {
        status: response.status,
        text: path.endsWith('.pdf') ? pdfText(body) : body.toString('utf8'),
      });
    }
    return answers;
  };

  it('never shows a draft, an unpublished version, an uncertified result or another agency’s private data', async () => {
    const answers = await publicAnswers();
    for (const [path, { status, text }] of answers) {
      for (const secret of Object.values(SECRETS)) {
        if (text.includes(secret)) throw new Error(`${path} (${status}) shows "${secret}"`);
      }
    }
    expect(answers.get(`/api/v1/public/standards/${draftId}`)!.status).toBe(404);
    expect(answers.get(`/api/v1/public/embed/standards/${draftId}`)!.status).toBe(404);
    expect(answers.get(`/api/v1/public/standards/${otherDraftId}/results.csv`)!.status).toBe(404);
    expect(answers.get('/api/v1/public/agencies/bravo')!.status).toBe(404);
    expect(answers.get('/api/v1/public/services/okapi')!.status).toBe(404);
    // The published parts are there: the test would pass vacuously otherwise.
    expect(answers.get(`/api/v1/public/standards/${publishedId}`)!.text).toContain('Renewal time');
    expect(answers.get(`/api/v1/public/reports/alpha/${FY}/report.pdf`)!.text).toContain('Renewal time');
    expect(answers.get('/data.json')!.text).toContain('Alpha Agency');
    expect(answers.get(`/standards/${publishedId}`)!.status).toBe(301);
    expect(answers.get('/agencies/alpha/standards/RENEW')).toMatchObject({
      status: 200,
      text: expect.stringContaining('Renewal time'),
    });
    expect(answers.get(`/standards/${draftId}`)).toMatchObject({
      status: 404,
      text: expect.stringContaining('Page not found'),
    });
    expect(answers.get(`/embed/standards/${draftId}`)!.status).toBe(404);
  });

  it('shows the published version, certified results with status against the target, and the version history', async () => {
    const standard = (await anon().get(`/api/v1/public/standards/${publishedId}`).expect(200)).body;
    expect(standard.title).toBe('Renewal time');
    expect(standard.versions).toEqual([expect.objectContaining({ version: 1, current: true })]);
    expect(
      standard.results.map((r: { periodKey: string; value: number; status: string }) => [
        r.periodKey,
        r.value,
        r.status,
      ]),
    ).toEqual([
      [`FY${FY - 1}-Q1`, 95, 'met'],
      [`FY${FY - 1}-Q2`, 92, 'met'],
      [`FY${FY}-Q1`, 97, 'met'],
    ]);
    expect(standard.latest).toMatchObject({ periodKey: `FY${FY}-Q1`, status: 'met', value: 97 });

    const report = (await anon().get(`/api/v1/public/reports/alpha/${FY}`).expect(200)).body;
    const row = report.services[0].standards[0];
    // The year's figure from the counts: (95 + 92) / 200, not an average of percentages.
    const previous = (
      await anon()
        .get(`/api/v1/public/reports/alpha/${FY - 1}`)
        .expect(200)
    ).body;
    expect(previous.services[0].standards[0].result).toMatchObject({ value: 93.5, periods: 2 });
    expect(row).toMatchObject({ result: { value: 97, periods: 1 }, status: 'met', previous: { value: 93.5 } });
    expect(row.change).toBeCloseTo(3.5);
    // FY-Q2 is in but not certified: the year's headline counts the standard as awaiting certification,
    // in the denominator and never as met, without showing the uncertified figure.
    expect(row.awaitingCertification).toBe(true);
    expect(report.tally).toMatchObject({ met: 0, awaitingCertification: 1, assessed: 1, share: 0 });
    expect(previous.tally).toMatchObject({ met: 1, awaitingCertification: 0, assessed: 1, share: 100 });
    expect(standard.latest).toMatchObject({ periodKey: `FY${FY}-Q1` });
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    const csv = (await anon().get(`/api/v1/public/standards/${publishedId}/results.csv`).expect(200)).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.split('\r\n')[0]).toContain('standard_code');
    for (const [input, output] of [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['plain', 'plain'],
    ]) {
      expect(csvCell(input)).toBe(output);
    }
    expect(csvCell(-4.5)).toBe('-4.5'); // a number stays a number
  });

  it('answers with an ETag and Cache-Control, and 304 when unchanged', async () => {
    const first = await anon().get(`/api/v1/public/standards/${publishedId}`).expect(200);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    await anon().get(`/api/v1/public/standards/${publishedId}`).set('If-None-Match', etag).expect(304);
    // Gzipped once when cached, for clients that accept it; the same bytes once decompressed.
    const zipped = await anon()
      .get(`/api/v1/public/standards/${publishedId}`)
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body).toEqual(first.body);
    const plain = await anon()
      .get(`/api/v1/public/standards/${publishedId}`)
      .set('Accept-Encoding', 'gzip;q=0, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('shows a result as soon as it is certified, although the page was cached', async () => {
    const before = (await anon().get(`/api/v1/public/standards/${publishedId}`).expect(200)).body;
    expect(before.results).toHaveLength(3);
    await (await t.certifier()).post(`/api/v1/results/${uncertifiedResultId}/certify`).expect(200);
    // The change reaches the cache through NOTIFY, asynchronously: wait for it a little.
    let after = before;
    for (let i = 0; i < 50 && after.results.length === 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = (await anon().get(`/api/v1/public/standards/${publishedId}`).expect(200)).body;
    }
    expect(after.results).toHaveLength(4);
    expect(after.results.at(-1)).toMatchObject({ periodKey: `FY${FY}-Q2`, source: SECRETS.uncertifiedSource });
  });

  it('sends the built scripts gzipped to browsers that accept it', async () => {
    const page = (await anon().get('/').expect(200)).text;
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(page)![1]!;
    const zipped = await anon().get(script).set('Accept-Encoding', 'gzip, deflate').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('lists each agency as a DCAT-US dataset with CSV and JSON distributions', async () => {
    const catalog = (await anon().get('/data.json').expect(200)).body;
    expect(catalog).toMatchObject({
      '@type': 'dcat:Catalog',
      conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    });
    expect(catalog.dataset).toHaveLength(1);
    const dataset = catalog.dataset[0];
    for (const field of [
      'title',
      'description',
      'keyword',
      'modified',
      'publisher',
      'contactPoint',
      'identifier',
      'accessLevel',
    ]) {
      expect(dataset).toHaveProperty(field);
    }
    expect(dataset.distribution.map((d: { mediaType: string }) => d.mediaType)).toEqual([
      'text/csv',
      'application/json',
    ]);
    for (const d of dataset.distribution) {
      await anon().get(new URL(d.downloadURL).pathname).expect(200);
    }
  });

  it('answers 404, not 500, for hostile addresses', async () => {
    for (const path of [
      '/api/v1/public/standards/not-a-uuid',
      '/api/v1/public/reports/alpha/20x6',
      '/api/v1/public/reports/alpha/1999',
      "/api/v1/public/agencies/'%3B%20DROP%20TABLE%20agencies",
    ]) {
      await anon().get(path).expect(404);
    }
    await anon().get('/api/v1/public/home?q=%25_%5C').expect(200);
  });
});
