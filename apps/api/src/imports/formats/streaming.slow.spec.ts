import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { parseImportFile } from './index.js';

/** A full collection on demand, so that the heap measured is what the parser holds, not garbage. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const ROWS = 200_000;

describe('streaming', () => {
  it('parses 200,000 rows while holding only a few hundred of them', async () => {
    let produced = 0;
    function* csv(): Generator<string> {
      yield 'agency,standard_code,period,channel,value,numerator,denominator\n';
      for (let i = 0; i < ROWS; i++) {
        produced++;
        // 5,000 standards x 40 months: every key distinct, so the duplicate check sees them all.
        const month = (Math.floor(i / 5000) % 12) + 1;
        const year = 2020 + Math.floor(i / 60_000);
        yield `DOS,STD-${i % 5000},${year}-${String(month).padStart(2, '0')},online,91.23,"9,123","10,000"\n`;
      }
    }

    const gc = collector();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let consumed = 0;
    let records = 0;
    let mostAhead = 0;
    let mostHeld = 0;
    for await (const row of parseImportFile(Readable.from(csv()), { kind: 'csv', format: 'yardstick' })) {
      consumed++;
      if ('record' in row) records++;
      // How far the source has run ahead of this loop: bounded by the streams' buffers, not the file.
      mostAhead = Math.max(mostAhead, produced - consumed);
      if (consumed % 20_000 === 0) {
        gc();
        mostHeld = Math.max(mostHeld, process.memoryUsage().heapUsed - baseline);
      }
    }

    expect(consumed).toBe(ROWS);
    expect(records).toBe(ROWS);
    expect(mostAhead).toBeLessThan(5_000);
    // Holding the 200,000 parsed rows takes over 100 MB of heap; what streaming holds (measured after a
    // full collection) is a few MB: a batch of rows, the periods seen and the streams' buffers.
    expect(mostHeld).toBeLessThan(10 * 2 ** 20);
    // It measures the heap after full collections, slow on a loaded 2-core machine: the time is not what it tests.
  }, 400_000);
});
