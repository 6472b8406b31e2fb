import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { seedAgencyServiceStandard } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER = 'agency,standard_code,period,channel,value,numerator,denominator,sample_size,source,data_quality_note';

describe('POST /api/v1/imports (Yardstick template)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_SIZE: '64kb' });
    await seedAgencyServiceStandard(t, {
      service: { name: 'Claims', slug: 'claims' },
      standard: { code: 'CLAIMS-TIME' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (csv: string | Buffer, mode = 'atomic', filename = 'results.csv') =>
    t.api().post(`/api/v1/imports?mode=${mode}`).attach('file', Buffer.from(csv), filename);
  const resultCount = async () => Number((await t.app.get(DataSource).query('SELECT count(*) AS n FROM results'))[0].n);

  const good = [
    HEADER,
    'AGY,CLAIMS-TIME,2025-10,,91.2,912,1000,,Case system,',
    'agy,CLAIMS-TIME,2025-11,online,,"1,000","1,000",,,',
    'AGY,CLAIMS-TIME,2025-12,,,,,,,System outage',
  ].join('\n');

  it('loads a file, and says a second upload of the same file changed nothing', async () => {
    const first = await upload(good).expect(201);
    expect(first.body).toMatchObject({ status: 'completed', rowsRead: 3, inserted: 3, updated: 0, errorCount: 0 });
    const second = await upload(good).expect(201);
    expect(second.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, fileHash: first.body.fileHash });
    const stored = await t.app.get(DataSource).query(`SELECT period_key, value FROM results ORDER BY period_key`);
    expect(stored).toEqual([
      { period_key: '2025-10', value: '91.2' },
      { period_key: '2025-11', value: '100' },
      { period_key: '2025-12', value: null },
    ]);
  });

  it('rejects the whole file in atomic mode when one row is bad, naming the line, column and value', async () => {
    const before = await resultCount();
    const csv = [
      HEADER,
      'AGY,CLAIMS-TIME,2026-01,,91,910,1000,,,',
      'AGY,CLAIMS-TIME,2026-02,,abc,,,,,',
      'AGY,NOPE,2026-03,,91,,,,,',
    ].join('\n');
    const rejected = await upload(csv).expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', inserted: 0, errorCount: 2 });
    expect(rejected.body.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'value', value: 'abc' }),
      expect.objectContaining({ line: 4, column: 'standard', reason: 'no standard NOPE in agency AGY' }),
    ]);
    expect(await resultCount()).toBe(before);

    const dryRun = await upload(csv, 'dry-run').expect(201);
    expect(dryRun.body).toMatchObject({ status: 'completed', inserted: 1, errorCount: 2 });
    expect(await resultCount()).toBe(before);

    const partial = await upload(csv, 'partial').expect(201);
    expect(partial.body).toMatchObject({ status: 'completed', inserted: 1, errorCount: 2 });
    expect(await resultCount()).toBe(before + 1);
    const again = await upload(csv, 'partial').expect(201);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, fileHash: partial.body.fileHash });
    const batch = await t.api().get(`/api/v1/imports/${again.body.id}`).expect(200);
    expect(batch.body).toEqual(again.body);
  });

  it('takes a batch id chosen by the client, so it can follow the import while it runs', async () => {
    const batchId = '0b8f2a52-3c1d-4e5f-8a9b-1c2d3e4f5a6b';
    const csv = `${HEADER}\nAGY,CLAIMS-TIME,2026-09,,90,900,1000,,,\n`;
    const response = await t
      .api()
      .post(`/api/v1/imports?batchId=${batchId}`)
      .attach('file', Buffer.from(csv), 'r.csv')
      .expect(201);
    expect(response.body).toMatchObject({ id: batchId, status: 'completed', inserted: 1 });
    await t.api().post(`/api/v1/imports?batchId=${batchId}`).attach('file', Buffer.from(csv), 'r.csv').expect(409);
  });

  it('reads XLSX, formulas as their values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Results');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'AGY',
      'CLAIMS-TIME',
      '2026-04',
      null,
      { formula: 'C3/D3*100', result: 90 },
      900,
      1000,
      null,
      'Excel',
      null,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(buffer, 'atomic', 'results.xlsx').expect(201);
    expect(response.body).toMatchObject({ status: 'completed', inserted: 1, errorCount: 0 });
  });

  it('refuses a wrong header naming the columns, an unsupported type (415) and a file over the limit (413)', async () => {
    const header = await upload('agency,standard_code,perod,value\nAGY,CLAIMS-TIME,2026-05,90\n').expect(400);
    expect(header.body.message).toMatch(/missing columns: period.*unknown columns: perod/);
    await upload('%PDF-1.4', 'atomic', 'results.pdf').expect(415);
    await t.api().post('/api/v1/imports').set('Content-Type', 'text/plain').send('period\n2026-05\n').expect(415);
    const big = `${HEADER}\n${'AGY,CLAIMS-TIME,2026-06,,90,900,1000,,,\n'.repeat(2000)}`;
    const tooLarge = await upload(big).expect(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
  });

  it('serves the template as CSV and XLSX', async () => {
    const template = await t.api().get('/api/v1/imports/template.csv').expect(200);
    expect(template.headers['content-type']).toMatch(/text\/csv/);
    expect(template.text.split(',')).toContain('standard_code');
    const xlsx = await t
      .api()
      .get('/api/v1/imports/template.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.getWorksheet('Results')!.getRow(1).values).toContain('period');
  });

  it('takes a JSON array of rows, naming the item of each error, and lists errors as CSV', async () => {
    const response = await t
      .api()
      .post('/api/v1/imports?mode=partial')
      .send([
        {
          agency: 'AGY',
          standard_code: 'CLAIMS-TIME',
          period: '2026-07',
          value: 93,
          numerator: 930,
          denominator: 1000,
        },
        { agency: 'AGY', standard_code: 'CLAIMS-TIME', period: '2026-08', value: '=HYPERLINK("x")' },
      ])
      .expect(201);
    expect(response.body).toMatchObject({ status: 'completed', inserted: 1, errorCount: 1 });
    expect(response.body.errors[0]).toMatchObject({ line: 2, column: 'value' });
    const csv = await t.api().get(`/api/v1/imports/${response.body.id}/errors.csv`).expect(200);
    expect(csv.text.split('\n')[0]).toBe('line,sheet,cell,column,value,reason,record,row');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    await t.api().post('/api/v1/imports').send({ not: 'an array' }).expect(400);
  });
});
