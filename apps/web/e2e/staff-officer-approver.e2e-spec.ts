import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { YARDSTICK_TEMPLATE_COLUMNS } from '../../api/src/imports/formats/index.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import {
  activate,
  checkAxe,
  chooseOption,
  expectHeading,
  expectText,
  launchChromium,
  navigate,
  newPage,
  signIn,
  tabTo,
  typeInto,
  TIMEOUT_MS,
} from './staff-support.js';

const FY = fiscalYearOf(new Date());
const LAST = FY - 1;
const PASSWORD = 'a long staff password 42';
const CODE = 'OFF-SPEED';

const csv = (rows: string[][]) =>
  [YARDSTICK_TEMPLATE_COLUMNS.map((c) => c.name), ...rows].map((r) => r.join(',')).join('\n') + '\n';
const row = (period: string, value: string, extra: Record<string, string> = {}) =>
  YARDSTICK_TEMPLATE_COLUMNS.map((c) =>
    c.name === 'agency'
      ? 'OFC'
      : c.name === 'standard_code'
        ? CODE
        : c.name === 'period'
          ? period
          : c.name === 'value'
            ? value
            : (extra[c.name] ?? ''),
  );

/** Chooses a file the way a keyboard user does: focus the file input, press Space, pick in the dialog. */
const chooseFile = async (page: Page, name: string, content: string) => {
  await tabTo(page, page.getByLabel('Results file (CSV or XLSX)'), 'the file input');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await expectText(page, `Chosen: ${name}`);
};

describe('staff app in Chromium: an officer writes and uploads, an approver publishes and certifies', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    const built = path.join(t.app.get<{ webDistDir: string }>(APP_CONFIG).webDistDir, 'index.html');
    if (!existsSync(built)) throw new Error(`${built} is missing: build the web app first (npm run build)`);
    const api = t.api();
    const agencyId = (
      await api
        .post('/api/v1/agencies')
        .send({ name: 'Office of Examples', abbreviation: 'OFC', slug: 'ofc' })
        .expect(201)
    ).body.id;
    for (const [email, role] of [
      ['officer@test.example', 'performance_officer'],
      ['approver@test.example', 'approver'],
    ] as const) {
      await api
        .post('/api/v1/users')
        .send({
          email,
          name: role === 'approver' ? 'Ada Approver' : 'Olu Officer',
          password: PASSWORD,
          roles: [{ role, agencyId }],
        })
        .expect(201);
    }
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('officer: signs in, creates a standard with targets, submits it, uploads a file with a bad row, fixes it and imports', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/standards`);
      await expectHeading(page, 'Sign in');
      await checkAxe(page, 'on the sign-in page');
      // An empty submit shows the error summary and the errors on their fields.
      await activate(page, page.getByRole('button', { name: 'Sign in' }), 'the sign-in button');
      await expectText(page, 'There is a problem');
      expect(await page.getByLabel('Email address').getAttribute('aria-describedby')).toContain('error');
      await checkAxe(page, 'on the sign-in page with errors');
      await signIn(page, 'officer@test.example', PASSWORD);
      // The guard sends the officer back where they were going.
      await expectHeading(page, 'Standards');
      const nav = page.getByRole('navigation', { name: 'Staff navigation' });
      for (const officerLink of ['Services', 'Standards', 'Import results', 'Due results']) {
        expect(await nav.getByRole('link', { name: officerLink }).count()).toBe(1);
      }
      for (const otherLink of ['Reviews', 'Users', 'Tokens', 'Audit trail']) {
        expect(await nav.getByRole('link', { name: otherLink }).count()).toBe(0);
      }
      await checkAxe(page, 'on the standards list');

      // The service first: sent empty, the form says what is missing; then it is created, and edited.
      await navigate(page, 'Services', 'Services');
      await checkAxe(page, 'on the services page');
      await activate(page, page.getByRole('button', { name: 'Create service' }), 'Create service');
      await expectText(page, 'There is a problem');
      const serviceName = page.getByLabel('Service name');
      expect(await serviceName.getAttribute('aria-invalid')).toBe('true');
      expect(await serviceName.getAttribute('aria-describedby')).toBe('field-serviceName-error');
      await expectText(page.locator('#field-serviceName-error'), 'Enter the service’s name');
      await expectText(page.locator('#field-serviceAgency-error'), 'Choose the agency that provides the service');
      await checkAxe(page, 'on the service form with errors');
      await chooseOption(page, page.getByLabel('Agency', { exact: true }), 'Office of Examples', 'the agency');
      await typeInto(page, serviceName, 'Licence renewal', 'the service name');
      await typeInto(page, page.getByLabel('Customers'), 'People renewing a driving licence.', 'the customers');
      await tabTo(page, page.getByRole('checkbox', { name: 'Online' }), 'the Online channel');
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('checkbox', { name: 'In person' }), 'the In person channel');
      await page.keyboard.press('Space');
      await activate(page, page.getByRole('button', { name: 'Create service' }), 'Create service');
      await expectText(page, 'Licence renewal created.');
      const serviceRow = page.getByRole('row', { name: /Licence renewal/ });
      expect(await serviceRow.textContent()).toContain('OFCOnline, In personNo');
      await activate(page, serviceRow.getByRole('button', { name: 'Edit Licence renewal' }), 'Edit');
      await expectHeading(page, 'Edit Licence renewal', 2);
      // The form opens with the keyboard in its first field.
      expect(await page.getByLabel('Service name').evaluate((el) => el === document.activeElement)).toBe(true);
      await chooseOption(page, page.getByLabel('High Impact Service Provider service'), 'Yes', 'HISP');
      await activate(page, page.getByRole('button', { name: 'Save service' }), 'Save service');
      await expectText(page.getByTestId('focused-notice').and(page.locator(':focus')), 'Licence renewal saved.');
      expect(await serviceRow.textContent()).toContain('OFCOnline, In personYes');
      await navigate(page, 'Standards', 'Standards');

      await activate(page, page.getByRole('link', { name: 'Create a standard' }), 'Create a standard');
      await expectHeading(page, 'Create a standard');
      await chooseOption(page, page.getByLabel('Service'), 'Licence renewal', 'the service');
      await typeInto(page, page.getByLabel('Code'), CODE, 'the code');
      await typeInto(page, page.getByLabel('Title'), 'Renewal time', 'the title');
      await chooseOption(page, page.getByLabel('Dimension'), 'Speed', 'the dimension');
      await typeInto(page, page.getByLabel('How it is measured'), 'Share of renewals done within 10 days.', 'measure');
      await chooseOption(page, page.getByLabel('Computation'), 'Share meeting', 'the computation');
      await chooseOption(page, page.getByLabel('Unit', { exact: true }), 'Percent', 'the unit');
      await typeInto(page, page.getByLabel('Threshold', { exact: true }), '10', 'the threshold');
      await chooseOption(page, page.getByLabel('Threshold unit'), 'Days', 'the threshold unit');
      await chooseOption(page, page.getByLabel('Direction'), 'Higher', 'the direction');
      await chooseOption(page, page.getByLabel('Reporting frequency'), 'Quarterly', 'the frequency');
      // The statement is left out: the form says so, next to the field and in the summary.
      await activate(page, page.getByRole('button', { name: 'Create draft standard' }), 'the create button');
      await expectText(page, 'There is a problem');
      const statement = page.getByLabel('Standard, in plain language');
      expect(await statement.getAttribute('aria-invalid')).toBe('true');
      await expectText(page, 'Enter the standard as the public will read it');
      await checkAxe(page, 'on the standard form with an error');
      await typeInto(page, statement, 'We renew 90% of licences within 10 days.', 'the statement');
      await activate(page, page.getByRole('button', { name: 'Create draft standard' }), 'the create button');
      await expectHeading(page, `${CODE}: Renewal time`);
      await expectText(page, 'Draft standard created');

      // A target that is not a number is refused, on its cell.
      const lastTarget = page.getByLabel(`FY${LAST} Full year target`, { exact: true });
      await typeInto(page, lastTarget, 'ninety', `FY${LAST} target`);
      await activate(page, page.getByRole('button', { name: 'Save targets' }), 'Save targets');
      await expectText(page, `FY${LAST} Full year: enter the target as a number`);
      expect(await lastTarget.getAttribute('aria-invalid')).toBe('true');
      expect(
        await lastTarget.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent),
      ).toBe(`FY${LAST} Full year: enter the target as a number`);
      await checkAxe(page, 'on the targets grid with an error');
      for (const year of [LAST, FY]) {
        await typeInto(page, page.getByLabel(`FY${year} Full year target`, { exact: true }), '90', `FY${year} target`);
      }
      await activate(page, page.getByRole('button', { name: 'Save targets' }), 'Save targets');
      await expectText(page, 'Targets saved.');
      await checkAxe(page, 'on the standard page');

      // A benchmark with its source. Sent empty, the form says what is missing, on each field and in a summary
      // whose links take the keyboard to the field.
      await activate(page, page.getByRole('button', { name: 'Add and link benchmark' }), 'Add and link benchmark');
      const benchmarkName = page.getByLabel('Benchmark name');
      await expectText(page, 'There is a problem');
      expect(await benchmarkName.getAttribute('aria-invalid')).toBe('true');
      const nameErrorId = (await benchmarkName.getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${nameErrorId}"]`).textContent()).toBe('Error: Enter the benchmark’s name');
      expect(
        await page.getByLabel('Source organization').evaluate((el) => {
          const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
          return ids.map((id) => document.getElementById(id)?.textContent).join(' ');
        }),
      ).toContain('Enter who publishes it');
      await checkAxe(page, 'on the benchmark form with errors');
      await activate(page, page.getByRole('link', { name: 'Source organization: Enter who publishes it' }), 'summary');
      expect(await page.getByLabel('Source organization').evaluate((el) => el === document.activeElement)).toBe(true);
      await typeInto(page, benchmarkName, 'Courier renewals', 'the benchmark name');
      await typeInto(page, page.getByLabel('Source organization'), 'Courier Association', 'the source');
      await typeInto(page, page.getByLabel('Source web address'), 'https://example.org/couriers', 'the source URL');
      await typeInto(page, page.getByLabel('Year', { exact: true }), '2025', 'the benchmark year');
      await typeInto(page, page.getByLabel('Value', { exact: true }), '88', 'the benchmark value');
      await chooseOption(page, page.getByLabel('Unit', { exact: true }), 'Percent', 'the benchmark unit');
      await activate(page, page.getByRole('button', { name: 'Add and link benchmark' }), 'Add and link benchmark');
      await expectText(page, 'Added and linked Courier renewals.');
      const benchmarkRow = page.getByRole('row', { name: /Courier renewals/ });
      expect(await benchmarkRow.textContent()).toBe(
        'Courier renewals88% (2025)Courier AssociationUnlink Courier renewals',
      );
      expect(await benchmarkRow.getByRole('link', { name: 'Courier Association' }).getAttribute('href')).toBe(
        'https://example.org/couriers',
      );
      await checkAxe(page, 'with a benchmark linked');
      await activate(page, page.getByRole('button', { name: 'Submit for review' }), 'Submit for review');
      await expectText(page, 'Submitted for review');

      await navigate(page, 'Import results', 'Import results');
      const bad = csv([row(`FY${LAST}-Q1`, '95'), row(`FY${LAST}-Q2`, 'ninety')]);
      await chooseFile(page, 'results.csv', bad);
      await activate(page, page.getByRole('button', { name: 'Check the file (nothing is saved)' }), 'Check the file');
      await expectHeading(page, 'The file has errors: fix them, then check it again', 2);
      const errorRow = page.getByTestId('import-errors').getByRole('row').nth(1);
      expect(await errorRow.getByRole('rowheader').textContent()).toBe('3');
      expect(await errorRow.textContent()).toContain('ninety');
      expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      const reportLink = page.getByRole('link', { name: 'Download the error report (CSV)' });
      expect(await reportLink.getAttribute('href')).toMatch(/\/api\/v1\/imports\/[0-9a-f-]{36}\/errors\.csv$/);
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        activate(page, reportLink, 'the error report link'),
      ]);
      expect(report.suggestedFilename()).toMatch(/^import-errors-[0-9a-f-]{36}\.csv$/);
      const reportLines = (await readFile((await report.path())!, 'utf8')).trim().split('\n');
      expect(reportLines[0]).toBe('line,sheet,cell,column,value,reason,record,row');
      expect(reportLines).toHaveLength(2);
      expect(reportLines[1]).toMatch(/^"3",,,"value","ninety","/);
      await checkAxe(page, 'on the import page with a row error');

      await chooseFile(page, 'results-fixed.csv', csv([row(`FY${LAST}-Q1`, '95'), row(`FY${LAST}-Q2`, '92')]));
      await activate(page, page.getByRole('button', { name: 'Check the file (nothing is saved)' }), 'Check the file');
      await expectHeading(page, 'The file is ready to import', 2);
      await expectText(page.getByTestId('import-counts'), 'would be inserted');
      await activate(page, page.getByRole('button', { name: 'Import', exact: true }), 'Import');
      await expectHeading(page, 'Imported', 2);
      expect(await page.getByTestId('import-counts').textContent()).toContain('2 inserted');
      await checkAxe(page, 'after the import');

      // One result entered by hand misses its target: the officer explains it.
      await navigate(page, 'Standards', 'Standards');
      await activate(page, page.getByRole('link', { name: CODE }), `the ${CODE} link`);
      await expectHeading(page, `${CODE}: Renewal time`);
      await typeInto(page, page.getByLabel('Period', { exact: true }), `FY${LAST}-Q3`, 'the period');
      // Counts as an import reads them: "1,000" is a thousand here too.
      await typeInto(page, page.getByLabel(/\(numerator\)/), '800', 'the numerator');
      await typeInto(page, page.getByLabel(/\(denominator\)/), '1,000', 'the denominator');
      await activate(page, page.getByRole('button', { name: 'Record result' }), 'Record result');
      await expectText(page, /Recorded 80% for FY\d+ Q3/);
      const missed = page.getByRole('row', { name: new RegExp(`FY${LAST} Q3`) });
      expect(await missed.textContent()).toContain('Not met');
      await activate(page, missed.getByRole('button', { name: /Write explanation/ }), 'Write explanation');
      await typeInto(page, page.getByLabel('Why the target was missed'), 'Two offices closed for repairs.', 'why');
      await typeInto(
        page,
        page.getByLabel('What will be done, and by when'),
        'Weekend shifts until the backlog clears.',
        'action',
      );
      await activate(page, page.getByRole('button', { name: 'Save explanation' }), 'Save explanation');
      await expectText(page, 'Explanation saved.');
      // Closing the form puts the keyboard back on the row's button.
      await missed
        .getByRole('button', { name: /Edit explanation/ })
        .and(page.locator(':focus'))
        .waitFor({ timeout: TIMEOUT_MS });
      await checkAxe(page, 'after explaining a missed target');

      // Q1 to Q3 came in; Q4 of last year has ended without a result, so it is due (overdue 30 days on).
      await navigate(page, 'Due results', 'Results due and overdue');
      const dueRows = page.getByRole('row').filter({ hasText: CODE });
      await dueRows.first().waitFor({ timeout: TIMEOUT_MS });
      expect(await dueRows.count()).toBe(1);
      expect(await dueRows.first().textContent()).toMatch(new RegExp(`FY${LAST} Q4.*(Due|Overdue)$`));
      await checkAxe(page, 'on the due list');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('officer: drops a large file on the drop zone; the progress bar follows what the server has read', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/imports`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Import results');
      const zone = page.getByTestId('drop-zone');
      /** A real drop: dragenter, dragover and drop carrying a DataTransfer with the file, as a browser sends. */
      const drop = async (name: string, type: string, content: string) => {
        const dataTransfer = await page.evaluateHandle(
          ({ name, type, content }) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content], name, { type }));
            return transfer;
          },
          { name, type, content },
        );
        await zone.dispatchEvent('dragenter', { dataTransfer });
        await zone.dispatchEvent('dragover', { dataTransfer });
        await expectText(zone, 'Drop the file to choose it.');
        await zone.dispatchEvent('drop', { dataTransfer });
        await expectText(zone, 'Drag the file here, or choose it.');
      };

      await drop('notes.txt', 'text/plain', 'not a results file');
      await expectText(page, 'notes.txt is not a CSV (.csv) or Excel (.xlsx) file.');

      // About 1 MB: every quarter of 28 years on every channel, each row with a long data-quality note.
      const note = 'Counted from the case system; '.repeat(30).trim();
      const channels = ['', 'online', 'phone', 'in_person', 'mail', 'email', 'chat', 'mobile_app', 'other'];
      const rows: string[][] = [];
      for (let year = LAST - 27; year <= LAST; year += 1) {
        for (const quarter of [1, 2, 3, 4]) {
          for (const channel of channels) {
            rows.push(row(`FY${year}-Q${quarter}`, '93', { channel, data_quality_note: note }));
          }
        }
      }
      const big = csv(rows);
      await drop('history.csv', 'text/csv', big);
      await expectText(page, /^Chosen: history\.csv \(\d+ KB\)$/);
      await checkAxe(page, 'with a dropped file chosen');

      // The upload is slowed to 100 kB/s, so the server reads the file over about ten seconds: long enough
      // for the page to poll the batch several times while it runs.
      const polled: { bytesRead: number; bytesTotal: number | null; rowsRead: number; status: string }[] = [];
      const onResponse = (response: Response) => {
        if (/\/api\/v1\/imports\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname) && response.ok()) {
          void response.json().then((batch: (typeof polled)[number]) => polled.push(batch));
        }
      };
      page.on('response', onResponse);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 100 * 1024,
      });
      await activate(page, page.getByRole('button', { name: 'Check the file (nothing is saved)' }), 'Check the file');
      await expectText(page.getByTestId('upload-progress'), 'Checking history.csv');
      // Part way: the bar and its figures say how much of the file, and how many rows, the server has read.
      const seen = await page.waitForFunction(
        (total) => {
          const bar = document.querySelector<HTMLProgressElement>('#upload-progress');
          const figures = document.querySelector('[data-testid="upload-progress-figures"]')?.textContent ?? '';
          const match = /^(\d+)% read: .* ([\d,]+) rows read$/.exec(figures);
          if (!bar || !bar.hasAttribute('value') || !match) return null;
          const rowsRead = Number(match[2]!.replace(/,/g, ''));
          const percent = Number(match[1]);
          return bar.value > 0 && bar.value < 100 && bar.value === percent && rowsRead > 0 && rowsRead < total
            ? { percent, rowsRead }
            : null;
        },
        rows.length,
        { timeout: 60_000 },
      );
      const partWay = (await seen.jsonValue())!;
      await checkAxe(page, 'while the file is read');
      await expectHeading(page, 'The file is ready to import', 2);
      page.off('response', onResponse);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      // What the bar showed is what a poll of the running batch said.
      expect(
        polled.some(
          (b) =>
            b.status === 'running' &&
            b.rowsRead === partWay.rowsRead &&
            Math.floor((b.bytesRead / (b.bytesTotal ?? big.length)) * 100) === partWay.percent,
        ),
      ).toBe(true);
      expect(await page.getByTestId('upload-progress').count()).toBe(0);
      expect(await page.getByTestId('import-counts').textContent()).toContain(
        `${rows.length.toLocaleString('en-US')} rows read`,
      );
      expect(await page.getByTestId('import-counts').textContent()).toContain('0 rows with errors');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('approver: reviews the standard field by field, publishes it and certifies the results', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, 'approver@test.example', PASSWORD);
      const nav = page.getByRole('navigation', { name: 'Staff navigation' });
      for (const link of ['Standards', 'Due results', 'Reviews', 'Portfolio']) {
        expect(await nav.getByRole('link', { name: link }).count()).toBe(1);
      }
      for (const link of ['Services', 'Import results', 'Users', 'Tokens', 'Audit trail']) {
        expect(await nav.getByRole('link', { name: link }).count()).toBe(0);
      }
      await navigate(page, 'Reviews', 'Review queue');
      const review = page.getByRole('article', { name: new RegExp(CODE) });
      await review.waitFor({ timeout: TIMEOUT_MS });
      expect(await review.getByRole('row', { name: /Statement/ }).textContent()).toContain('We renew 90%');
      await expectText(page, 'Results awaiting certification');
      await page.getByRole('row', { name: new RegExp(`${CODE}.*Q2`) }).waitFor();
      // The missed target comes with its explanation.
      expect(await page.getByRole('row', { name: new RegExp(`${CODE}.*Q3`) }).textContent()).toMatch(
        /Not met.*Two offices closed for repairs\..*Weekend shifts/,
      );
      await checkAxe(page, 'on the review queue');
      await activate(page, review.getByRole('button', { name: `Publish ${CODE}` }), 'Publish');
      await expectText(page, `${CODE} published.`);
      await expectText(page, 'No standard is waiting for review.');
      // The card (and its button) left the queue: the message about it has the keyboard, not the top of the page.
      const focusedNotice = page.getByTestId('focused-notice').and(page.locator(':focus'));
      await expectText(focusedNotice, `${CODE} published.`);
      // One result goes back to its officer with a comment; it stays in the queue, uncertified.
      const q2 = page.getByRole('row', { name: new RegExp(`${CODE}.*Q2`) });
      await activate(page, q2.getByRole('button', { name: `Return ${CODE} FY${LAST} Q2` }), 'Return Q2');
      const comment = page.getByLabel(`Comment for the officer about ${CODE} FY${LAST} Q2`);
      // The form opens with the keyboard in the comment.
      await comment.and(page.locator(':focus')).waitFor({ timeout: TIMEOUT_MS });
      await activate(page, page.getByRole('button', { name: 'Return with comment' }), 'Return with comment');
      await expectText(page, 'Write what should change, for the officer');
      expect(await comment.getAttribute('aria-invalid')).toBe('true');
      await checkAxe(page, 'with the result return form and its error');
      await typeInto(page, comment, 'Check the Q2 count against the case system.', 'the comment');
      await activate(page, page.getByRole('button', { name: 'Return with comment' }), 'Return with comment');
      await expectText(focusedNotice, 'Returned to the officer with your comment.');
      await expectText(q2, 'Returned: Check the Q2 count against the case system.');
      await activate(page, page.getByRole('button', { name: /Certify all ready \(3\)/ }), 'Certify all ready');
      await expectText(focusedNotice, '3 results certified.');
      await expectText(page, 'No result is waiting for certification.');
      await checkAxe(page, 'after publishing and certifying');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    const standards = await t.api().get('/api/v1/standards').query({ q: CODE }).expect(200);
    expect(standards.body.items[0]).toMatchObject({ status: 'published' });
    const results = await t.api().get('/api/v1/results').query({ certified: false }).expect(200);
    expect(results.body.total).toBe(0);

    // The public standard page now shows the published standard and its certified results.
    const visitor = await newPage(browser);
    try {
      const { page } = visitor;
      await page.goto(`${baseUrl}/standards/${standards.body.items[0].id}`);
      await expectHeading(page, /Renewal time/);
      await expectText(page, 'We renew 90% of licences within 10 days.');
      const table = page.getByRole('table', { name: 'Every certified result, all channels' });
      expect(await table.textContent()).toMatch(/95%[\s\S]*92%|92%[\s\S]*95%/);
      await expectText(page, 'Two offices closed for repairs.');
      await checkAxe(page, 'on the public standard page');
    } finally {
      await visitor.close();
    }
  }, 120_000);

  it('officer edits the published standard into a new version; the approver sees the change and returns it with a comment', async () => {
    const officer = await newPage(browser);
    const approver = await newPage(browser);
    try {
      const { page } = officer;
      await page.goto(`${baseUrl}/staff/standards`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await activate(page, page.getByRole('link', { name: CODE }), `the ${CODE} link`);
      await expectHeading(page, `${CODE}: Renewal time`);
      await expectText(page, 'saving starts a new draft version');
      await activate(page, page.getByRole('button', { name: 'Edit standard' }), 'Edit standard');
      await typeInto(
        page,
        page.getByLabel('Standard, in plain language'),
        'We renew 95% of licences within 10 days.',
        'the statement',
      );
      await activate(page, page.getByRole('button', { name: 'Save changes' }), 'Save changes');
      await expectText(page, 'Changes saved as a draft.');
      await activate(page, page.getByRole('button', { name: 'Submit for review' }), 'Submit for review');
      await expectText(page, 'Submitted for review');

      const a = approver.page;
      await a.goto(`${baseUrl}/staff/reviews`);
      await signIn(a, 'approver@test.example', PASSWORD);
      const review = a.getByRole('article', { name: new RegExp(CODE) });
      const change = review.getByRole('row', { name: /Statement/ });
      expect(await change.textContent()).toBe(
        'StatementWe renew 90% of licences within 10 days.We renew 95% of licences within 10 days.',
      );
      expect(await review.getByRole('row').count()).toBe(2);
      await activate(a, review.getByRole('button', { name: `Return ${CODE} with a comment` }), 'Return');
      await typeInto(
        a,
        a.getByLabel(`Comment for the officer about ${CODE}`),
        'Keep 90%: 95% is not funded.',
        'comment',
      );
      await checkAxe(a, 'with the return form open');
      await activate(a, a.getByRole('button', { name: 'Return with comment' }), 'Return with comment');
      await expectText(a, `${CODE} returned to its officer with your comment.`);

      await page.reload();
      await expectHeading(page, `${CODE}: Renewal time`);
      await expectText(page, 'Keep 90%: 95% is not funded.');
      expect(await page.getByTestId('standard-status').textContent()).toContain('in draft');
      await checkAxe(page, 'with a returned version and its comment');
      expect([...officer.errors, ...approver.errors]).toEqual([]);
    } finally {
      await officer.close();
      await approver.close();
    }
  }, 180_000);
});
