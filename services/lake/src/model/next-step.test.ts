import { describe, expect, it } from '@jest/globals';
import { MAX_ATTEMPTS, nextStep } from './next-step';

const today = '2091-06-15';
const count = { kind: 'erasure-count', conversationId: 'c-1', requestId: 'r-1', attempt: 1 } as const;

describe('nextStep', () => {
  it('deletes what the count found, then reports the erasure with that count', () => {
    const afterCount = nextStep(count, { succeeded: true, rows: 31, today });

    expect(afterCount).toEqual({ action: 'start', statement: { ...count, kind: 'erasure-delete', rows: 31 } });
    if (afterCount.action !== 'start') throw new Error('expected a start');
    expect(nextStep(afterCount.statement, { succeeded: true, today })).toEqual({
      action: 'report-erasure',
      conversationId: 'c-1',
      requestId: 'r-1',
      rows: 31,
    });
  });

  it('compacts the last days after retention, then vacuums, then is done', () => {
    const optimize = nextStep(
      { kind: 'expire', cutoff: '2091-03-17T00:00:00.000Z', attempt: 1 },
      { succeeded: true, today },
    );

    expect(optimize).toEqual({ action: 'start', statement: { kind: 'optimize', since: '2091-06-12', attempt: 1 } });
    expect(nextStep({ kind: 'optimize', since: '2091-06-12', attempt: 1 }, { succeeded: true, today })).toEqual({
      action: 'start',
      statement: { kind: 'vacuum', attempt: 1 },
    });
    expect(nextStep({ kind: 'vacuum', attempt: 1 }, { succeeded: true, today })).toEqual({ action: 'done' });
  });

  it('runs a failed statement again, and gives up after the last attempt', () => {
    expect(nextStep(count, { succeeded: false, today })).toEqual({
      action: 'start',
      statement: { ...count, attempt: 2 },
    });
    expect(nextStep({ ...count, attempt: MAX_ATTEMPTS }, { succeeded: false, today })).toEqual({
      action: 'give-up',
      statement: { ...count, attempt: MAX_ATTEMPTS },
    });
  });
});
