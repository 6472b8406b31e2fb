// How many standards stand where, and the share of targets met, for a headline. One rule for every page.
import type { PublicTally, TargetStatus } from '@yardstick/contracts';

/**
 * A standard's place in a tally: its status, or `awaiting_certification` when its latest result (against a
 * target) is in but not certified yet. Such a standard is counted apart and stays in the share's
 * denominator: leaving it out would let an uncertified miss raise the published share.
 */
export type TallyStatus = TargetStatus | 'awaiting_certification';

export function emptyTally(): PublicTally {
  return {
    met: 0,
    near: 0,
    notMet: 0,
    noData: 0,
    notApplicable: 0,
    awaitingCertification: 0,
    assessed: 0,
    share: null,
  };
}

/** Counts of statuses and met / (met + near + not met + awaiting certification), from the counts. */
export function tallyStatuses(statuses: Iterable<TallyStatus>): PublicTally {
  const tally = emptyTally();
  for (const status of statuses) {
    if (status === 'met') tally.met += 1;
    else if (status === 'near') tally.near += 1;
    else if (status === 'not_met') tally.notMet += 1;
    else if (status === 'no_data') tally.noData += 1;
    else if (status === 'awaiting_certification') tally.awaitingCertification += 1;
    else tally.notApplicable += 1;
  }
  tally.assessed = tally.met + tally.near + tally.notMet + tally.awaitingCertification;
  tally.share = tally.assessed === 0 ? null : (tally.met / tally.assessed) * 100;
  return tally;
}
