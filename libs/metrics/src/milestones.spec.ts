import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays } from './iso-date.js';
import { countLate, isInFiscalYear, milestoneState, type MilestoneProgress } from './milestones.js';

describe('milestoneState', () => {
  it.each([
    ['2026-03-31', 'planned', '2026-03-31', 'on_track'],
    ['2026-03-31', 'planned', '2026-04-01', 'late'],
    ['2026-03-31', 'in_progress', '2026-04-01', 'late'],
    ['2026-03-31', 'done', '2027-01-01', 'done'],
    ['2026-03-31', 'dropped', '2027-01-01', 'dropped'],
    ['2026-09-30', 'planned', '2026-01-01', 'on_track'],
  ] as const)('due %s, %s, on %s: %s', (dueDate, status, today, state) => {
    expect(milestoneState({ dueDate, status }, today)).toBe(state);
  });

  it('reads a Date as its calendar day (UTC)', () => {
    expect(milestoneState({ dueDate: '2026-11-15', status: 'planned' }, new Date('2026-11-16T12:00:00Z'))).toBe('late');
    expect(milestoneState({ dueDate: '2026-11-16', status: 'planned' }, new Date('2026-11-16T23:59:00Z'))).toBe(
      'on_track',
    );
  });

  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
  const status = fc.constantFrom<MilestoneProgress>('planned', 'in_progress', 'done', 'dropped');

  it('is late exactly when the date has passed and the milestone is neither done nor dropped', () => {
    fc.assert(
      fc.property(day, day, status, (dueDate, today, s) => {
        const late = milestoneState({ dueDate, status: s }, today) === 'late';
        expect(late).toBe(dueDate < today && (s === 'planned' || s === 'in_progress'));
      }),
    );
  });

  it('counts the late ones; a later day never has fewer late milestones', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ dueDate: day, status })), day, fc.nat(400), (milestones, today, ahead) => {
        const late = countLate(milestones, today);
        expect(late).toBe(milestones.filter((m) => milestoneState(m, today) === 'late').length);
        expect(countLate(milestones, addDays(today, ahead))).toBeGreaterThanOrEqual(late);
      }),
    );
  });
});

describe('isInFiscalYear', () => {
  it('runs from 1 October of the year before to 30 September', () => {
    expect(isInFiscalYear('2025-09-30', 2026)).toBe(false);
    expect(isInFiscalYear('2025-10-01', 2026)).toBe(true);
    expect(isInFiscalYear('2026-09-30', 2026)).toBe(true);
    expect(isInFiscalYear('2026-10-01', 2026)).toBe(false);
  });
});
