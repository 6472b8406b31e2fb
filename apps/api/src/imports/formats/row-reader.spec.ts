import { describe, expect, it } from '@jest/globals';
import { describeRowError } from './row-reader.js';

describe('describeRowError', () => {
  it('names the record and the physical line when a quoted line break sets them apart, and the row', () => {
    expect(
      describeRowError({
        line: 1091,
        record: 758,
        row: 'cfia-acia, service 2, standard 3716, 2023-2024',
        column: 'volume_meeting_target',
        value: '3177',
        reason: 'must not be above total_volume (3068)',
      }),
    ).toBe(
      'record 758 (line 1091) [cfia-acia, service 2, standard 3716, 2023-2024], volume_meeting_target ("3177"): must not be above total_volume (3068)',
    );
    expect(describeRowError({ line: 7, column: 'value', reason: 'is not a number' })).toBe(
      'line 7, value: is not a number',
    );
  });
});
