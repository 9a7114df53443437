import type { AnalyticsEvent } from './analytics-event';
import type { GenesysSummary } from './event-facts';
import { handleTimeOf } from './handle-time';
import { chooseSentiment, type SentimentView } from './sentiment';
import { assembleTranscript, type TranscriptLine } from './transcript';

/** What `GET /analytics/conversations/{conversationId}` answers. */
export interface ConversationAnalytics {
  readonly conversationId: string;
  readonly transcript: TranscriptLine[];
  readonly sentiment: SentimentView | null;
  readonly handleTimeMs: number | null;
  /** Genesys's latest summary of the conversation: summary, reason, resolution and follow-up actions. */
  readonly summary: SummaryView | null;
}

/** A Genesys summary as served. */
export type SummaryView = GenesysSummary & { readonly source: 'genesys' };

/**
 * A conversation's analytics from its stored events, computed at read time.
 *
 * @example
 * ```ts
 * conversationAnalytics(conversationId, await table.listConversation(conversationId));
 * // { conversationId, transcript: [...], sentiment: { label: 'positive', score: 0.42, source: 'derived' }, handleTimeMs: 165000, summary: null }
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
  summary: latestSummary(events),
});

// The latest by event time (then content key), so every read agrees.
const latestSummary = (events: readonly AnalyticsEvent[]): SummaryView | null => {
  const summaries = events.filter((event) => event.genesysSummary !== undefined);
  const latest = summaries.sort((a, b) => compare(b.eventTime, a.eventTime) || compare(b.eventKey, a.eventKey))[0];
  return latest?.genesysSummary ? { ...latest.genesysSummary, source: 'genesys' } : null;
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
