// Demonstration customer feedback (A-11 Section 280) for the demonstration HISP services: a collection a
// quarter from FY2021 to the last quarter that has ended, FY2019-23 answer counts (v1) up to FY2023 and
// per-response trust and drivers (v2) from FY2024, a few small samples and one quarter not reported.
// Pure and deterministic, like demo-data.ts: counts only; the seeder writes the responses set-based.
import { A11_V1_QUESTIONS, fiscalQuarterOf, fiscalYearOf, periodsBetween, type IsoDate } from '@yardstick/metrics';
import { DEMO_FIRST_FISCAL_YEAR, type DemoService } from './demo-data.js';
import { random } from './random.js';

export type DemoCxCollection = {
  serviceKey: string;
  fiscalYear: number;
  quarter: number;
  status: 'published' | 'submitted' | 'not_reported';
  channel: DemoService['channels'][number];
  customersServed: number;
  surveysOffered: number;
  respondents: number;
  /** v1: answers 1-5 of each of the seven questions. */
  v1: { question: string; counts: [number, number, number, number, number] }[] | null;
  /** v2: thumbs up among the respondents, and how many chose each driver (positive among up, negative among down). */
  v2: { up: number; positive: number[]; negative: number[] } | null;
};

export function generateDemoCx(services: readonly DemoService[], today: IsoDate): DemoCxCollection[] {
  const rand = random(20241001);
  const collections: DemoCxCollection[] = [];
  const lastEnded = { fiscalYear: fiscalYearOf(today), quarter: fiscalQuarterOf(today) };
  const periods = periodsBetween(
    `FY${DEMO_FIRST_FISCAL_YEAR}-Q1`,
    `FY${lastEnded.fiscalYear}-Q${lastEnded.quarter}`,
  ).slice(0, -1);
  services
    .filter((s) => s.hisp)
    .forEach((service, serviceIndex) => {
      const channel = service.channels.includes('online') ? 'online' : service.channels[0]!;
      const level = 0.62 + rand() * 0.2;
      periods.forEach((period, i) => {
        const fiscalYear = period.fiscalYear;
        const quarter = period.quarter!;
        const newest = i === periods.length - 1;
        const base = {
          serviceKey: service.key,
          fiscalYear,
          quarter,
          channel,
        };
        if (serviceIndex === 0 && fiscalYear === 2022 && quarter === 3) {
          collections.push({
            ...base,
            status: 'not_reported',
            customersServed: 0,
            surveysOffered: 0,
            respondents: 0,
            v1: null,
            v2: null,
          });
          return;
        }
        const small = (serviceIndex + i) % 11 === 5;
        const respondents = small ? 12 + Math.floor(rand() * 15) : 150 + Math.floor(rand() * 450);
        const surveysOffered = Math.round(respondents / (0.08 + rand() * 0.2));
        const customersServed = surveysOffered * (3 + Math.floor(rand() * 5));
        const positive = Math.min(0.95, level + i * 0.004 + (rand() - 0.5) * 0.08);
        const status = newest ? 'submitted' : 'published';
        if (fiscalYear <= 2023) {
          const v1 = A11_V1_QUESTIONS.map((question) => {
            const p = Math.min(0.97, Math.max(0.3, positive + (rand() - 0.5) * 0.1));
            const pos = Math.round(respondents * p);
            const five = Math.round(pos * (0.45 + rand() * 0.2));
            const rest = respondents - pos;
            const three = Math.round(rest * 0.5);
            const two = Math.round((rest - three) * 0.6);
            return {
              question,
              counts: [rest - three - two, two, three, pos - five, five] as [number, number, number, number, number],
            };
          });
          collections.push({ ...base, status, customersServed, surveysOffered, respondents, v1, v2: null });
          return;
        }
        const up = Math.round(respondents * positive);
        const down = respondents - up;
        const share = (n: number, low: number, high: number) => Math.round(n * (low + rand() * (high - low)));
        collections.push({
          ...base,
          status,
          customersServed,
          surveysOffered,
          respondents,
          v1: null,
          v2: {
            up,
            positive: [
              share(up, 0.5, 0.8),
              share(up, 0.4, 0.7),
              share(up, 0.3, 0.6),
              share(up, 0.2, 0.4),
              share(up, 0.3, 0.5),
              share(up, 0.4, 0.7),
              share(up, 0, 0.05),
            ],
            negative: [
              share(down, 0.3, 0.6),
              share(down, 0.2, 0.5),
              share(down, 0.4, 0.7),
              share(down, 0.2, 0.4),
              share(down, 0.1, 0.3),
              share(down, 0.1, 0.3),
              share(down, 0, 0.1),
            ],
          },
        });
      });
    });
  return collections;
}
