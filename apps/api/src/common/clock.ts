import { toIsoDate } from '@yardstick/metrics';

/**
 * The one place the API reads the time from. Production uses the system clock; tests pass a FixedClock to
 * createApp (or createTestApp) so that due dates, reminders and "current fiscal year" rules are deterministic.
 * Inject `Clock`; never call `new Date()` or `Date.now()` for a business rule.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date (UTC) as YYYY-MM-DD. */
  today(): string {
    return toIsoDate(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move: for tests. */
export class FixedClock extends Clock {
  private at: number;

  constructor(at: Date | string) {
    super();
    this.at = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at).getTime();
  }

  advance(milliseconds: number): void {
    this.at += milliseconds;
  }
}
