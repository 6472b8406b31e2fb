import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { parseInstant, parseInstantMicros, parseTransactionsCsv } from './transactions-format.js';

describe('parseInstant', () => {
  it('reads what Date.parse reads, for any instant from 2000 to 2100 written in the accepted forms', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const iso = date.toISOString();
          expect(parseInstant(iso)).toBe(date.getTime());
          expect(parseInstant(iso.slice(0, 19))).toBe(Math.floor(date.getTime() / 1000) * 1000);
          expect(parseInstant(iso.slice(0, 10))).toBe(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`));
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const local = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${offset}`;
          expect(parseInstant(local)).toBe(Date.parse(`${iso.slice(0, 19)}${offset}`));
        },
      ),
    );
  });

  it('refuses what is not a date or a time', () => {
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '2026-1-01',
      '01/03/2026',
      '2026-03-01T25:00',
      '2026-03-01Z1',
      'soon',
    ]) {
      expect(parseInstant(text)).toBeNaN();
    }
  });
});

describe('parseInstantMicros', () => {
  it('gives the microseconds PostgreSQL 15 reads from the same text (finer fractions rounded half to even)', () => {
    // Each expected value is what `SELECT extract(epoch FROM '<text>'::timestamptz) * 1000000` answered.
    const read: [string, number][] = [
      ['2026-03-01T00:00:00.1234565Z', 1772323200123456],
      ['2026-03-01T00:00:00.0000005Z', 1772323200000000],
      ['2026-03-01T00:00:00.0000015Z', 1772323200000002],
      ['2026-03-01T00:00:00.9999996Z', 1772323201000000],
      ['2026-03-01 10:00:00.123456+05:30', 1772339400123456],
      ['2026-03-01T00:00:00.12Z', 1772323200120000],
    ];
    for (const [text, micros] of read) expect(parseInstantMicros(text)).toBe(micros);
    expect(parseInstantMicros('2026-02-30')).toBeNaN();
  });
});

describe('parseTransactionsCsv', () => {
  const read = async (csv: string) => {
    const batches = [];
    for await (const batch of parseTransactionsCsv(Readable.from([csv]), {
      nowMs: Date.parse('2026-11-16T12:00:00Z'),
    })) {
      batches.push(batch);
    }
    return { records: batches.flatMap((b) => b.records), errors: batches.flatMap((b) => b.errors) };
  };

  it('checks each row, naming line, column and value', async () => {
    const { records, errors } = await read(
      [
        'external_id,channel,received_at,completed_at',
        'A,In Person,2026-03-01,2026-03-02',
        'B,fax,2026-03-01,',
        'C,online,2026-03-05,2026-03-04',
        'D,online,2026-11-18,',
      ].join('\n'),
    );
    expect(records.map((r) => [r.externalId, r.channel])).toEqual([['A', 'in_person']]);
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'channel', 'fax'],
      [4, 'completed_at', '2026-03-04'],
      [5, 'received_at', '2026-11-18'],
    ]);
  });

  it('names the missing columns of a header', async () => {
    await expect(read('external_id,channel\nA,online\n')).rejects.toThrow(/missing columns: received_at/);
  });
});
