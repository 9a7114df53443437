import type { TimelineEntry } from './timeline-entry';

/** What is known about a conversation from its events, whatever order they arrived in. */
export interface ConversationState {
  readonly status: 'active' | 'ended';
  readonly mediaType?: string;
  /** The seed events' conversation type (`call`, `chat`, ...). */
  readonly type?: string;
  readonly direction?: string;
  readonly firstEventTime: string;
  readonly lastEventTime: string;
  readonly eventCount: number;
}

/** A conversation has ended once its customer (or external) participant has disconnected. */
const END_TOPICS = /\.customer\.end$/;

/**
 * Folds a conversation's events, sorted by time, into its state. Pure: the same events give the same
 * state in any arrival order.
 *
 * @example
 * ```ts
 * conversationState(sortTimeline(entries));
 * ```
 */
export const conversationState = (timeline: readonly TimelineEntry[]): ConversationState => {
  const first = timeline[0];
  const last = timeline.at(-1);
  if (!first || !last) throw new Error('a conversation has at least one event');
  const mediaType = lastString(timeline, (entry) => entry.body.mediaType);
  const type = lastString(timeline, (entry) => seedConversation(entry)?.type);
  const direction = lastString(timeline, (entry) => entry.body.direction);
  return {
    status: timeline.some((entry) => END_TOPICS.test(entry.topic)) ? 'ended' : 'active',
    ...(mediaType ? { mediaType } : {}),
    ...(type ? { type } : {}),
    ...(direction ? { direction } : {}),
    firstEventTime: first.eventTime,
    lastEventTime: last.eventTime,
    eventCount: timeline.length,
  };
};

/**
 * Orders a timeline by event time; ties keep a stable, content-based order so every read agrees.
 *
 * @example
 * ```ts
 * sortTimeline(await table.listConversation(conversationId));
 * ```
 */
export const sortTimeline = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort(
    (a, b) =>
      compare(a.eventTime, b.eventTime) || compare(a.receivedAt, b.receivedAt) || compare(a.eventKey, b.eventKey),
  );

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const lastString = (
  timeline: readonly TimelineEntry[],
  pick: (entry: TimelineEntry) => unknown,
): string | undefined => {
  for (let index = timeline.length - 1; index >= 0; index -= 1) {
    const entry = timeline[index];
    const value = entry ? pick(entry) : undefined;
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
};

const seedConversation = (entry: TimelineEntry): Record<string, unknown> | undefined => {
  const conversation = entry.body.conversation;
  return typeof conversation === 'object' && conversation !== null
    ? (conversation as Record<string, unknown>)
    : undefined;
};
