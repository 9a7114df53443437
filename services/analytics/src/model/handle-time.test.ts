import { describe, expect, it } from '@jest/globals';
import { detailNotification, storedPartnerEvent, T0, transcriptionNotification } from '../test-support/app-bus-events';
import { handleTimeOf } from './handle-time';

const userEnd = (interactingDurationMs: number, heldDurationMs: number, participant = 'p-1') =>
  storedPartnerEvent(
    detailNotification('user.end', T0 + 200_000, { interactingDurationMs, heldDurationMs, participantId: participant }),
  );
const acw = (wrapupDurationMs: number, participant = 'p-1') =>
  storedPartnerEvent(detailNotification('acw', T0 + 230_000, { wrapupDurationMs, participantId: participant }));

describe('handleTimeOf', () => {
  it('adds talk, hold and after-call work', () => {
    expect(handleTimeOf([userEnd(120_000, 15_000), acw(30_000)])).toBe(165_000);
  });

  it('adds every agent of a transferred conversation', () => {
    const events = [userEnd(60_000, 0, 'p-1'), acw(10_000, 'p-1'), userEnd(45_000, 5000, 'p-2'), acw(20_000, 'p-2')];

    expect(handleTimeOf(events)).toBe(140_000);
  });

  it('counts a conversation with only after-call work', () => {
    expect(handleTimeOf([acw(12_000)])).toBe(12_000);
  });

  it('counts a zero handle time as zero, not as missing', () => {
    expect(handleTimeOf([userEnd(0, 0)])).toBe(0);
  });

  it('is null for a conversation without user.end or acw durations', () => {
    const events = [
      storedPartnerEvent(detailNotification('customer.start', T0)),
      storedPartnerEvent(detailNotification('customer.end', T0 + 1000, { interactingDurationMs: 1000 })),
      storedPartnerEvent(detailNotification('user.end', T0 + 1000)),
      storedPartnerEvent(transcriptionNotification(T0, [])),
    ];

    expect(handleTimeOf(events)).toBeNull();
    expect(handleTimeOf([])).toBeNull();
  });
});
