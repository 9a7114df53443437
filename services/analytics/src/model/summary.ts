import type { ConversationFigures } from './conversation-analytics';
import { SENTIMENT_LABELS, type SentimentLabel } from './sentiment';
import { inWindow, type TimeWindow } from './time-window';

/** What `GET /analytics/summary` answers. */
export interface AnalyticsSummary {
  readonly from: string;
  readonly to: string;
  readonly conversations: number;
  readonly byMediaType: Record<string, number>;
  readonly byDirection: Record<string, number>;
  /** Mean over the conversations that have a handle time, rounded to the millisecond; `null` if none has. */
  readonly averageHandleTimeMs: number | null;
  readonly sentiment: Record<SentimentLabel, number>;
}

/**
 * Adds up the conversations whose first event falls in `[from, to)`. Each conversation counts once
 * however often it is listed (the time index lists it once per event); a conversation without a media
 * type, direction, handle time or sentiment label is left out of that figure only.
 *
 * @example
 * ```ts
 * summarise({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' }, figures);
 * // { from, to, conversations: 3, byMediaType: { VOICE: 2, MESSAGE: 1 }, byDirection: { INBOUND: 3 },
 * //   averageHandleTimeMs: 110000, sentiment: { positive: 1, neutral: 0, negative: 1 } }
 * ```
 */
export const summarise = (window: TimeWindow, figures: readonly ConversationFigures[]): AnalyticsSummary => {
  const unique = new Map<string, ConversationFigures>();
  for (const conversation of figures) {
    if (inWindow(window, conversation.firstEventTime)) unique.set(conversation.conversationId, conversation);
  }
  const conversations = [...unique.values()];
  return {
    from: window.from,
    to: window.to,
    conversations: conversations.length,
    byMediaType: countBy(conversations.map((conversation) => conversation.mediaType)),
    byDirection: countBy(conversations.map((conversation) => conversation.direction)),
    averageHandleTimeMs: averageOf(conversations.map((conversation) => conversation.handleTimeMs)),
    sentiment: sentimentCounts(conversations),
  };
};

const countBy = (values: readonly (string | undefined)[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

const averageOf = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  return Math.round(present.reduce((sum, value) => sum + value, 0) / present.length);
};

const sentimentCounts = (conversations: readonly ConversationFigures[]): Record<SentimentLabel, number> => {
  const counts = { positive: 0, neutral: 0, negative: 0 };
  for (const { sentimentLabel } of conversations) {
    if ((SENTIMENT_LABELS as readonly string[]).includes(sentimentLabel ?? '')) {
      counts[sentimentLabel as SentimentLabel] += 1;
    }
  }
  return counts;
};
