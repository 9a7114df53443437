import type { TimelineEntry } from './timeline-entry';
import { durationField, entriesWithSuffix } from './timeline-facts';

/** How long the parts of a conversation took, in milliseconds; absent parts are absent. */
export interface Durations {
  /** From the customer's start to the customer's end (or the last event while active is not counted). */
  readonly conversationMs?: number;
  /** Talk: `interactingDurationMs` of every agent's `user.end`. */
  readonly talkMs?: number;
  /** Hold: `heldDurationMs` of every agent's `user.end`. */
  readonly holdMs?: number;
  /** After-call work: `wrapupDurationMs` of every `acw`. */
  readonly acwMs?: number;
  /** Handle time as Genesys defines it: talk + hold + after-call work. */
  readonly handleMs?: number;
}

/**
 * The durations of a conversation from its detail events.
 *
 * @example
 * ```ts
 * durationsOf(timeline, { startTime, endTime }).handleMs; // 245000
 * ```
 */
export const durationsOf = (
  timeline: readonly TimelineEntry[],
  { startTime, endTime }: { startTime?: string | undefined; endTime?: string | undefined },
): Durations => {
  const agentEnds = entriesWithSuffix(timeline, 'user.end');
  const talkMs = sum(agentEnds.map((entry) => durationField(entry, 'interactingDurationMs')));
  const holdMs = sum(agentEnds.map((entry) => durationField(entry, 'heldDurationMs')));
  const acwMs = sum(entriesWithSuffix(timeline, 'acw').map((entry) => durationField(entry, 'wrapupDurationMs')));
  const parts = [talkMs, holdMs, acwMs].filter((part): part is number => part !== undefined);
  const conversationMs = startTime && endTime ? Date.parse(endTime) - Date.parse(startTime) : undefined;
  return {
    ...(conversationMs !== undefined && conversationMs >= 0 ? { conversationMs } : {}),
    ...(talkMs !== undefined ? { talkMs } : {}),
    ...(holdMs !== undefined ? { holdMs } : {}),
    ...(acwMs !== undefined ? { acwMs } : {}),
    ...(parts.length > 0 ? { handleMs: parts.reduce((total, part) => total + part, 0) } : {}),
  };
};

const sum = (values: readonly (number | undefined)[]): number | undefined => {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length === 0 ? undefined : present.reduce((total, value) => total + value, 0);
};
