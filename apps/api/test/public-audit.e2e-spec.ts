import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { publish, setTargets } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// What a newcomer's audit of the public site found (issue 16): readable standard addresses, 404s, the home
// headline's period, margins of error, agency metadata in data.json, the annual report of a year in progress.
// The clock stands in FY2026 Q4 (August 2026): FY2026 is in progress, FY2025 is over.
const NOW = '2026-08-15T12:00:00Z';

const standardBody = (serviceId: string, code: string, title: string, dimension = 'speed') => ({
  serviceId,
  code,
  title,
  statement: `${title}: we reach 90%.`,
  dimension,
  measureDescription: 'Share of cases within the promise.',
  unit: 'percent',
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  thresholdValue: 5,
  thresholdUnit: 'days',
  frequency: 'quarter',
});

/**
 * The fields DCAT-US 1.1 (Project Open Data, federal schema: project-open-data.cio.gov/v1.1/schema) requires of a
 * dataset, with the patterns it gives them. Returns what is wrong, empty when nothing is.
 */
function dcatProblems(dataset: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (field: string) => {
    if (typeof dataset[field] !== 'string' || (dataset[field] as string).length === 0)
      problems.push(`${field} missing`);
  };
  for (const field of ['title', 'description', 'identifier', 'modified']) text(field);
  if (!['public', 'restricted public', 'non-public'].includes(dataset.accessLevel as string)) {
    problems.push('accessLevel');
  }
  const list = (field: string, pattern: RegExp) => {
    const value = dataset[field];
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && pattern.test(v))) {
      problems.push(`${field} ${JSON.stringify(value)}`);
    }
  };
  list('keyword', /./);
  list('bureauCode', /^[0-9]{3}:[0-9]{2}$/);
  list('programCode', /^[0-9]{3}:[0-9]{3}$/);
  if (!/^\d{4}-\d{2}-\d{2}/.test(String(dataset.modified))) problems.push('modified is not ISO 8601');
  const publisher = dataset.publisher as { name?: unknown } | undefined;
  if (typeof publisher?.name !== 'string' || !publisher.name) problems.push('publisher.name');
  const contact = dataset.contactPoint as { fn?: unknown; hasEmail?: unknown } | undefined;
  if (typeof contact?.fn !== 'string' || !contact.fn) problems.push('contactPoint.fn');
  if (!/^mailto:[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+?$/.test(String(contact?.hasEmail))) {
    problems.push(`contactPoint.hasEmail ${String(contact?.hasEmail)}`);
  }
  if (/yardstick\.local|000:00/.test(JSON.stringify(dataset))) problems.push('a placeholder');
  for (const d of (dataset.distribution as Record<string, unknown>[] | undefined) ?? []) {
    if (d.downloadURL && !/^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/.test(String(d.mediaType))) {
      problems.push('distribution.mediaType');
    }
  }
  return problems;
}

describe('the public site after the newcomer’s audit', () => {
  let t: TestApp;
  let alphaId: string;
  let renewId: string;
  let surveyId: string;
  let draftId: string;
  const api = () => t.api();
  const anon = () => request(t.server);

  const record = async (standardId: string, period: string, numerator: number, sampleSize?: number) =>
    (
      await api()
        .post('/api/v1/results')
        .send({ standardId, period, numerator, denominator: 100, sampleSize, source: 'Case system' })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await createTestApp({}, { now: NOW });
    alphaId = (
      await api()
        .post('/api/v1/agencies')
        .send({ name: 'Alpha Agency', abbreviation: 'ALP', slug: 'alpha' })
        .expect(201)
    ).body.id;
    const service = (
      await api().post('/api/v1/services').send({ agencyId: alphaId, name: 'Renewals', slug: 'renewals' }).expect(201)
    ).body.id;

    renewId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(service, 'RENEW', 'Renewal time'))
        .expect(201)
    ).body.id;
    surveyId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(service, 'SAT.SURVEY', 'Satisfied customers', 'satisfaction'))
        .expect(201)
    ).body.id;
    draftId = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(service, 'DRAFT', 'Draft one'))
        .expect(201)
    ).body.id;
    for (const id of [renewId, surveyId]) {
      await setTargets(t, id, [2025, 2026]);
      await publish(t, id);
    }
    // Renewal time: FY2025 Q1-Q2 (93.5% over the year), FY2026 Q1-Q3 (97%): the newest results, FY2026 Q3.
    const renewResults = [
      await record(renewId, 'FY2025-Q1', 95),
      await record(renewId, 'FY2025-Q2', 92),
      await record(renewId, 'FY2026-Q1', 97),
      await record(renewId, 'FY2026-Q2', 97),
      await record(renewId, 'FY2026-Q3', 97),
    ];
    // The survey's latest is FY2025 Q4: nothing as recent as FY2026 Q3. 85 of 100 respondents against 90%.
    const survey = await record(surveyId, 'FY2025-Q4', 85, 100);
    await api()
      .put(`/api/v1/results/${survey}/explanation`)
      .send({ why: 'Fewer answers after the form moved.', action: 'A shorter survey from the next quarter.' })
      .expect(200);
    await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ ids: [...renewResults, survey] })
      .expect(200);

    // A new wording of Renewal time, in force from now on (FY2026); FY2025's report keeps the first one.
    await api().patch(`/api/v1/standards/${renewId}`).send({ title: 'Renewal time, reworded' }).expect(200);
    await publish(t, renewId);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('item 2: readable, stable standard addresses', () => {
    it('serves a standard at /agencies/:agency/standards/:code, with a canonical link and embed code to match', async () => {
      const page = await anon().get('/agencies/alpha/standards/RENEW').expect(200);
      expect(page.text).toContain('Renewal time, reworded');
      expect(page.text).toContain('<link rel="canonical" href="/agencies/alpha/standards/RENEW"/>');
      expect(page.text).toContain('/embed/agencies/alpha/standards/RENEW');
      expect(page.text).toContain('/api/v1/public/agencies/alpha/standards/RENEW/results.csv');
      expect(page.text).not.toContain(`/standards/${renewId}`);
      await anon().get('/embed/agencies/alpha/standards/RENEW').expect(200);
      const json = await anon().get('/api/v1/public/agencies/alpha/standards/SAT.SURVEY').expect(200);
      expect(json.body.id).toBe(surveyId);
    });

    it('answers the old UUID addresses with a permanent redirect, and never redirects to a draft', async () => {
      const page = await anon().get(`/standards/${renewId}`).expect(301);
      expect(page.headers.location).toBe('/agencies/alpha/standards/RENEW');
      const embed = await anon().get(`/embed/standards/${renewId}`).expect(301);
      expect(embed.headers.location).toBe('/embed/agencies/alpha/standards/RENEW');
      const draft = await anon().get(`/standards/${draftId}`).expect(404);
      expect(draft.text).toContain('Page not found');
      await anon().get('/agencies/alpha/standards/DRAFT').expect(404);
      await anon().get('/api/v1/public/agencies/alpha/standards/DRAFT').expect(404);
    });

    it('puts the readable address in the CSV, the JSON records and the sitemap', async () => {
      const csv = (await anon().get('/api/v1/public/agencies/alpha/standards/RENEW/results.csv').expect(200)).text;
      const [header, first] = csv.split('\r\n');
      const url = first!.split(',')[header!.split(',').indexOf('standard_url')];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/agencies\/alpha\/standards\/RENEW$/);
      const records = (await anon().get('/api/v1/public/agencies/alpha/results.json').expect(200)).body;
      expect(records[0].standard_url).toMatch(/\/agencies\/alpha\/standards\/(RENEW|SAT\.SURVEY)$/);
      const sitemap = (await anon().get('/sitemap.xml').expect(200)).text;
      expect(sitemap).toContain('/agencies/alpha/standards/RENEW</loc>');
      expect(sitemap).toContain('/agencies/alpha/standards/SAT.SURVEY</loc>');
      expect(sitemap).not.toContain(renewId);
      expect(sitemap).not.toContain('DRAFT');
    });
  });

  describe('item 20: unknown public addresses', () => {
    it('answer 404 with the Page not found page; the staff app still loads', async () => {
      for (const path of [
        '/es',
        '/foo',
        '/foo/bar?x=1',
        '/agencies/alpha/standards/NO-SUCH',
        '/standards/not-a-uuid',
      ]) {
        const response = await anon().get(path).expect(404);
        expect(response.text).toContain('Page not found');
        expect(response.headers['content-type']).toMatch(/text\/html/);
      }
      await anon().get('/staff').expect(200);
      await anon().get('/staff/standards/new').expect(200);
      for (const path of ['/accessibility', '/privacy', '/about-these-numbers', '/status']) {
        await anon().get(path).expect(200);
      }
    });
  });

  describe('item 3: the home headline names its period', () => {
    it('says which quarter the latest results come from and how many standards have nothing that recent', async () => {
      const home = (await anon().get('/api/v1/public/home').expect(200)).body;
      expect(home.asOf).toEqual({ fiscalYear: 2026, quarter: 3, label: 'FY2026 Q3', standardsBehind: 1 });
      const page = (await anon().get('/').expect(200)).text;
      expect(page).toContain('Latest results, as of FY2026 Q3');
      expect(page).toContain('1 standard has no certified result as recent as FY2026 Q3');
      expect(page).not.toContain('at a glance');
      expect(page).not.toContain('System status</h2>');
    });
  });

  describe('item 6: margins of error', () => {
    it('gives a sampled result its 95% interval in JSON, CSV and on the page, and says the miss is within it', async () => {
      const standard = (await anon().get('/api/v1/public/agencies/alpha/standards/SAT.SURVEY').expect(200)).body;
      const result = standard.results[0];
      expect(result).toMatchObject({ value: 85, sampleSize: 100, status: 'not_met', withinMargin: true });
      // Wilson interval of 85 of 100.
      expect(result.interval.lower).toBeCloseTo(76.72, 1);
      expect(result.interval.upper).toBeCloseTo(90.69, 1);
      const counted = (await anon().get('/api/v1/public/agencies/alpha/standards/RENEW').expect(200)).body;
      expect(counted.results[0]).toMatchObject({ interval: null, withinMargin: false });

      const csv = (await anon().get('/api/v1/public/agencies/alpha/standards/SAT.SURVEY/results.csv').expect(200)).text;
      const [header, row] = csv.split('\r\n').map((line) => line.split(','));
      const cell = (name: string) => row![header!.indexOf(name)];
      expect(Number(cell('ci95_lower'))).toBeCloseTo(76.72, 1);
      expect(Number(cell('ci95_upper'))).toBeCloseTo(90.69, 1);
      expect(cell('within_margin_of_error')).toBe('true');

      const page = (await anon().get('/agencies/alpha/standards/SAT.SURVEY').expect(200)).text;
      expect(page).toContain('95% confidence interval: 76.7% to 90.7% (a sample of 100)');
      expect(page).toContain('The target lies within this margin of error');
      expect(page).toContain('<th scope="col">95% interval</th>');
    });
  });

  describe('item 16: annual reports', () => {
    it('marks the report of a year in progress as partial, and leaves a past year’s without the notice', async () => {
      const current = (await anon().get('/api/v1/public/reports/alpha/2026').expect(200)).body;
      expect(current.partial).toEqual({
        asOf: '2026-08-15',
        monthsElapsed: 10,
        latestPeriodLabel: 'FY2026 Q3 (Apr-Jun 2026)',
      });
      expect((await anon().get('/reports/alpha/2026').expect(200)).text).toContain('A partial year.');
      const past = (await anon().get('/api/v1/public/reports/alpha/2025').expect(200)).body;
      expect(past.partial).toBeNull();
      expect((await anon().get('/reports/alpha/2025').expect(200)).text).not.toContain('A partial year.');
    });

    it('shows a past year with the wording in force then, and the current year with the current one', async () => {
      const titles = async (year: number) =>
        (await anon().get(`/api/v1/public/reports/alpha/${year}`).expect(200)).body.services[0].standards.map(
          (s: { title: string; version: number }) => `${s.title} v${s.version}`,
        );
      expect(await titles(2025)).toContain('Renewal time v1');
      expect(await titles(2026)).toContain('Renewal time, reworded v2');
    });

    it('writes a change of a percentage in percentage points', async () => {
      const page = (await anon().get('/reports/alpha/2026').expect(200)).text;
      expect(page).toContain('+3.5 percentage points');
      expect(page).not.toMatch(/\+3\.5%/);
      const csv = (await anon().get('/api/v1/public/reports/alpha/2026/report.csv').expect(200)).text;
      expect(csv).toContain('+3.5 percentage points');
    });
  });

  describe('item 7: agency codes and contact in data.json', () => {
    it('refuses malformed codes and e-mail, naming the field, and only administrators may set them', async () => {
      for (const [body, field] of [
        [{ bureauCode: '16:00' }, 'bureauCode'],
        [{ programCodes: ['016:00'] }, 'programCodes'],
        [{ programCodes: '016:000' }, 'programCodes'],
        [{ contactEmail: 'not an address' }, 'contactEmail'],
      ] as const) {
        const response = await api().patch(`/api/v1/agencies/${alphaId}`).send(body).expect(400);
        expect(JSON.stringify(response.body.details)).toContain(field);
      }
      await anon().patch(`/api/v1/agencies/${alphaId}`).send({ bureauCode: '016:00' }).expect(401);
    });

    it('leaves out an agency without codes, and lists one with them with every field DCAT-US 1.1 requires', async () => {
      const before = (await anon().get('/data.json').expect(200)).body;
      expect(before.dataset).toEqual([]);

      const saved = await api()
        .patch(`/api/v1/agencies/${alphaId}`)
        .send({
          bureauCode: '016:00',
          programCodes: ['016:000', '016:001'],
          contactEmail: 'open.data@alpha.example.gov',
        })
        .expect(200);
      expect(saved.body).toMatchObject({ bureauCode: '016:00', programCodes: ['016:000', '016:001'] });
      // The change reaches the public cache through NOTIFY, asynchronously: wait for it a little.
      let catalog = before;
      for (let i = 0; i < 50 && catalog.dataset.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        catalog = (await anon().get('/data.json').expect(200)).body;
      }
      expect(catalog.dataset).toHaveLength(1);
      for (const dataset of catalog.dataset) expect(dcatProblems(dataset)).toEqual([]);
      expect(catalog.dataset[0]).toMatchObject({
        bureauCode: ['016:00'],
        programCode: ['016:000', '016:001'],
        contactPoint: { hasEmail: 'mailto:open.data@alpha.example.gov' },
      });
      const contacts = (await anon().get('/api/v1/public/contacts').expect(200)).body;
      expect(contacts.agencies).toEqual([
        { slug: 'alpha', name: 'Alpha Agency', abbreviation: 'ALP', contactEmail: 'open.data@alpha.example.gov' },
      ]);
      expect((await anon().get('/accessibility').expect(200)).text).toContain('open.data@alpha.example.gov');
    });
  });
});
