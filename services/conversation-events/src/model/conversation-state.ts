import { type Durations, durationsOf } from './durations';
import { type Participants, participantsOf } from './participants';
import type { TimelineEntry } from './timeline-entry';
import { definedFields, entriesWithSuffix, lastString, stringField } from './timeline-facts';

/** What is known about a conversation from its events, whatever order they arrived in. */
export interface ConversationState {
  readonly status: 'active' | 'ended';
  readonly mediaType?: string;
  /** The seed events' conversation type (`call`, `chat`, ...). */
  readonly type?: string;
  readonly direction?: string;
  /** When the customer joined (`customer.start`), else the first event. */
  readonly startTime: string;
  /** When the customer left (`customer.end`); absent while active. */
  readonly endTime?: string;
  readonly disconnectType?: string;
  readonly wrapupCode?: string;
  readonly participants: Participants;
  readonly durations: Durations;
  /** Open Messaging messages on the timeline. */
  readonly messageCount: number;
  readonly firstEventTime: string;
  readonly lastEventTime: string;
  readonly eventCount: number;
}

const OPEN_MESSAGING_TOPIC = 'open-messaging.message';

/**
 * Folds a conversation's events, sorted by time, into its state. Pure and computed at read time from the
 * stored events, so the same events give the same state whatever order they arrived in.
 *
 * @example
 * ```ts
 * conversationState(sortTimeline(entries)).status; // 'ended'
 * ```
 */
export const conversationState = (timeline: readonly TimelineEntry[]): ConversationState => {
  const first = timeline[0];
  const last = timeline.at(-1);
  if (!first || !last) throw new Error('a conversation has at least one event');
  const customerStart = entriesWithSuffix(timeline, 'customer.start')[0];
  const customerEnd = entriesWithSuffix(timeline, 'customer.end').at(-1);
  const messages = timeline.filter((entry) => entry.topic === OPEN_MESSAGING_TOPIC);
  const startTime = customerStart?.eventTime ?? first.eventTime;
  return {
    status: customerEnd ? 'ended' : 'active',
    ...definedFields({
      mediaType: lastString(timeline, (entry) => entry.body.mediaType) ?? (messages.length > 0 ? 'MESSAGE' : undefined),
      type: lastString(timeline, (entry) => seedConversation(entry)?.type),
      direction: stringField(customerStart, 'direction') ?? firstDirection(timeline),
      endTime: customerEnd?.eventTime,
      disconnectType: stringField(customerEnd, 'disconnectType'),
      wrapupCode: lastString(entriesWithSuffix(timeline, 'acw', 'wrapup'), (entry) => entry.body.wrapupCode),
    }),
    startTime,
    participants: participantsOf(timeline),
    durations: durationsOf(timeline, { startTime, endTime: customerEnd?.eventTime }),
    messageCount: messages.length,
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

/** The conversation's direction is the one it started with; Open Messaging spells it `Outbound`. */
const firstDirection = (timeline: readonly TimelineEntry[]): string | undefined => {
  const entry = timeline.find(
    (candidate) => typeof candidate.body.direction === 'string' && candidate.body.direction !== '',
  );
  return entry ? String(entry.body.direction).toUpperCase() : undefined;
};

const seedConversation = (entry: TimelineEntry): Record<string, unknown> | undefined => {
  const conversation = entry.body.conversation;
  return typeof conversation === 'object' && conversation !== null
    ? (conversation as Record<string, unknown>)
    : undefined;
};
