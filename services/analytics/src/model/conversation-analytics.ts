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
