import type { AnalyticsEvent } from './analytics-event';
import { handleTimeOf } from './handle-time';
import { chooseSentiment, type SentimentView } from './sentiment';
import { assembleTranscript, type TranscriptLine } from './transcript';

/** What `GET /analytics/conversations/{conversationId}` answers. */
export interface ConversationAnalytics {
  readonly conversationId: string;
  readonly transcript: TranscriptLine[];
  readonly sentiment: SentimentView | null;
  readonly handleTimeMs: number | null;
}

/** The figures of one conversation the summary adds up. */
export interface ConversationFigures {
  readonly conversationId: string;
  /** The time of the conversation's earliest event, whichever event that is. */
  readonly firstEventTime: string;
  readonly mediaType?: string;
  readonly direction?: string;
  readonly handleTimeMs: number | null;
  readonly sentimentLabel?: string;
}

/**
 * A conversation's analytics from its stored events, computed at read time.
 *
 * @example
 * ```ts
 * conversationAnalytics(conversationId, await table.listConversation(conversationId));
 * // { conversationId, transcript: [...], sentiment: { label: 'positive', score: 0.42, source: 'derived' }, handleTimeMs: 165000 }
 * ```
 */
export const conversationAnalytics = (
  conversationId: string,
  events: readonly AnalyticsEvent[],
): ConversationAnalytics => ({
  conversationId,
  transcript: assembleTranscript(events),
  sentiment: chooseSentiment(events),
  handleTimeMs: handleTimeOf(events),
});

/**
 * A conversation's figures for the summary. Media type and direction are those of the earliest event
 * that names them: the conversation's originating side, whatever later participants report.
 *
 * @example
 * ```ts
 * conversationFigures(conversationId, events); // { conversationId, firstEventTime, mediaType: 'VOICE', ... }
 * ```
 */
export const conversationFigures = (conversationId: string, events: readonly AnalyticsEvent[]): ConversationFigures => {
  const ordered = [...events].sort((a, b) => compare(a.eventTime, b.eventTime) || compare(a.eventKey, b.eventKey));
  const first = ordered[0];
  if (!first) throw new Error('a conversation has at least one event');
  const mediaType = ordered.find((event) => event.mediaType)?.mediaType;
  const direction = ordered.find((event) => event.direction)?.direction;
  const sentimentLabel = chooseSentiment(events)?.label;
  return {
    conversationId,
    firstEventTime: first.eventTime,
    ...(mediaType ? { mediaType } : {}),
    ...(direction ? { direction } : {}),
    handleTimeMs: handleTimeOf(events),
    ...(sentimentLabel ? { sentimentLabel } : {}),
  };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
