import Sequencer from '@jest/test-sequencer';

/**
 * Jest's own order (slowest and last-failed first), except the "slow" project's tests, which run after all
 * the others: they measure the heap, and want the machine to themselves (on 2 cores Jest runs one worker).
 */
export default class SlowLastSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const slow = (test) => test.context.config.displayName?.name === 'slow';
    return [...sorted.filter((test) => !slow(test)), ...sorted.filter(slow)];
  }
}
