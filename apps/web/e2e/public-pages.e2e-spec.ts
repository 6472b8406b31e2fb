import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { runPublicPages, type PublicPageCheck } from './public-pages.e2e.js';

describe('the public pages in Chromium, with and without JavaScript', () => {
  let t: TestApp;
  let baseUrl: string;
  const checks: PublicPageCheck[] = [];

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
    const dist = t.app.get<{ webDistDir: string }>(APP_CONFIG).webDistDir;
    if (!existsSync(path.join(dist, 'server', 'entry-server.js'))) {
      throw new Error(`${dist}/server is missing: build the web app first (npm run build)`);
    }
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();

    // Pages of the demonstration data, found through the public API as a visitor would.
    const home = (await request(t.server).get('/api/v1/public/home').expect(200)).body;
    const agency = home.agencies.find((a: { standards: number }) => a.standards > 0);
    const agencyPage = (await request(t.server).get(`/api/v1/public/agencies/${agency.slug}`).expect(200)).body;
    const service = agencyPage.services[0];
    const standard = service.standards.find((s: { latest: unknown }) => s.latest);
    const year = agencyPage.reportYears[0];
    checks.push(
      { name: 'home', path: '/', h1: /^Yardstick$/, content: [/targets met/, /Recently updated/], table: /Agencies/ },
      { name: 'search', path: '/?q=renewal', h1: /^Yardstick$/, content: [/Search results for “renewal”/] },
      {
        name: 'agency',
        path: `/agencies/${agency.slug}`,
        h1: new RegExp(`^${escape(agency.name)}$`),
        content: [/Annual report, fiscal year \d{4}/, /(Met|Not met|Near target|No data)/],
        chart: true,
      },
      {
        name: 'service',
        path: `/services/${service.slug}`,
        h1: new RegExp(`^${escape(service.name)}$`),
        content: [/Service standards/, /Who it serves/],
        table: new RegExp(`Standards of ${escape(service.name)}`),
      },
      {
        name: 'standard',
        path: `/agencies/${standard.agency.slug}/standards/${encodeURIComponent(standard.code)}`,
        h1: new RegExp(`^${escape(standard.title)}$`),
        content: [
          /Latest result/,
          /Status: (✓ |≈ |✗ |– )?(Met|Near target|Not met|No data|No target)/,
          /Targets by fiscal year/,
          /Version history/,
        ],
        table: /Every certified result/,
        chart: true,
      },
      {
        name: 'annual report',
        path: `/reports/${agency.slug}/${year}`,
        h1: new RegExp(`annual report on service standards, fiscal year ${year}`),
        content: [/Methodology/, /Benchmarks used and their sources/, /targets met/],
      },
      {
        name: 'embed card',
        path: `/embed/agencies/${standard.agency.slug}/standards/${encodeURIComponent(standard.code)}`,
        h1: new RegExp(`^${escape(standard.title)}$`),
        content: [/(Met|Near target|Not met|No data|No target)/],
        embed: true,
      },
      {
        name: 'accessibility statement',
        path: '/accessibility',
        h1: /^Accessibility statement$/,
        content: [/Section 508/, /Report a barrier/, /@example\.com/],
      },
      { name: 'privacy notice', path: '/privacy', h1: /^Privacy notice$/, content: [/What is collected/] },
      {
        name: 'about these numbers',
        path: '/about-these-numbers',
        h1: /^About these numbers$/,
        content: [/Near target/, /Margin of error/, /1 October to 30 September/, /percentage points/],
      },
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('renders every public page type with its content in the HTML, keyboard first, with zero axe violations', async () => {
    await runPublicPages(baseUrl, checks);
  }, 240_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
