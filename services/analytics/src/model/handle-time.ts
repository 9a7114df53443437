import type { AnalyticsEvent } from './analytics-event';

/**
 * Handle time as Genesys defines it: talk + hold + after-call work, that is the sum over `user.end`
 * events of `interactingDurationMs` and `heldDurationMs` plus the sum over `acw` events of
 * `wrapupDurationMs`. `null` when no event of the conversation reports any of these durations. The
 * events are unique (content-keyed), so a redelivered `user.end` is never added twice.
 *
 * @example
 * ```ts
 * handleTimeOf([{ ...userEnd, interactingDurationMs: 120000, heldDurationMs: 15000 }, { ...acw, wrapupDurationMs: 30000 }]);
 * // 165000
 * ```
 */
export const handleTimeOf = (events: readonly AnalyticsEvent[]): number | null => {
  let total: number | null = null;
  for (const event of events) {
    for (const duration of [event.interactingDurationMs, event.heldDurationMs, event.wrapupDurationMs]) {
      if (duration !== undefined) total = (total ?? 0) + duration;
    }
  }
  return total;
};
