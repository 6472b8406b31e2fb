import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER =
  'external_id,question_1,positive_effectiveness,positive_ease,positive_efficiency,positive_transparency,positive_humanity,positive_employee,positive_other,negative_effectiveness,negative_ease,negative_efficiency,negative_transparency,negative_humanity,negative_employee,negative_other,question_4';
const v2File = (n: number) =>
  Buffer.from(
    [HEADER, ...Array.from({ length: n }, (_, i) => `${200000 + i},1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,""`)].join('\n'),
  );

describe('the small-sample threshold of customer feedback scores (CX_SMALL_SAMPLE)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CX_SMALL_SAMPLE: '50' });
  });
  afterAll(async () => t?.close());

  it('flags a score from fewer respondents than the configured number (41 < 50; the default 30 would not)', async () => {
    const agency = (
      await t.api().post('/api/v1/agencies').send({ name: 'Agency', abbreviation: 'AGY', slug: 'agency' }).expect(201)
    ).body.id;
    const service = (
      await t
        .api()
        .post('/api/v1/services')
        .send({ agencyId: agency, name: 'Benefits', slug: 'benefits', hisp: true, channels: ['online'] })
        .expect(201)
    ).body.id;
    await t
      .api()
      .post(`/api/v1/imports?format=a11-responses&serviceId=${service}&fiscalYear=2026&quarter=4&channel=online`)
      .attach('file', v2File(41), 'responses.csv')
      .expect(201);
    const [collection] = (await t.api().get(`/api/v1/cx-collections?serviceId=${service}`).expect(200)).body;
    expect(collection.scores.smallSampleThreshold).toBe(50);
    expect(collection.scores.questions.find((q: { question: string }) => q.question === 'trust')).toMatchObject({
      respondents: 41,
      smallSample: true,
    });
  });

  it('stops start-up naming the variable when it is not a whole number of 1 or more', async () => {
    await expect(createTestApp({ CX_SMALL_SAMPLE: '0' })).rejects.toThrow(/CX_SMALL_SAMPLE/);
  });
});
