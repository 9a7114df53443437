import type { TimeWindow } from './summary-sql';

/** The labels the summary counts. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** What `GET /analytics/summary` answers. */
export interface AnalyticsSummary {
  readonly from: string;
  readonly to: string;
  readonly conversations: number;
  readonly byMediaType: Record<string, number>;
  readonly byDirection: Record<string, number>;
  /** Conversations by the queue they first entered; those that entered none are not counted. */
  readonly byQueue: Record<string, number>;
  /** Mean over the conversations that have a handle time, rounded to the millisecond; `null` if none has. */
  readonly averageHandleTimeMs: number | null;
  readonly sentiment: Record<SentimentLabel, number>;
}

/** One result row of the summary SQL, every value as text (as Athena's GetQueryResults gives it) or null. */
export type SummaryRow = Readonly<Record<string, string | null | undefined>>;

// grouping(media_type, direction, queue_id, sentiment_label): a bit is 0 for the column grouped by.
const GROUPED_BY = { media_type: 0b0111, direction: 0b1011, queue_id: 0b1101, sentiment_label: 0b1110 } as const;
const GRAND_TOTAL = 0b1111;

/**
 * The summary from the rows of {@link summarySql}: one row per media type, direction, queue and sentiment
 * label (a null key is a conversation without one, not counted) and one grand total, which gives the count
 * and the handle-time sum and count the average is taken from.
 *
 * @example
 * ```ts
 * summaryFromRows(window, [{ grouping_id: '15', conversations: '4', handled: '3', handle_ms: '330000' }, ...]);
 * // { from, to, conversations: 4, byMediaType: {...}, ..., averageHandleTimeMs: 110000, sentiment: {...} }
 * ```
 */
export const summaryFromRows = (window: TimeWindow, rows: readonly SummaryRow[]): AnalyticsSummary => {
  const total = rows.find((row) => Number(row.grouping_id) === GRAND_TOTAL);
  const handled = Number(total?.handled ?? 0);
  const sentiment = { positive: 0, neutral: 0, negative: 0 };
  for (const [label, count] of Object.entries(countsBy(rows, 'sentiment_label'))) {
    if ((SENTIMENT_LABELS as readonly string[]).includes(label)) sentiment[label as SentimentLabel] = count;
  }
  return {
    from: window.from,
    to: window.to,
    conversations: Number(total?.conversations ?? 0),
    byMediaType: countsBy(rows, 'media_type'),
    byDirection: countsBy(rows, 'direction'),
    byQueue: countsBy(rows, 'queue_id'),
    averageHandleTimeMs: handled > 0 ? Math.round(Number(total?.handle_ms) / handled) : null,
    sentiment,
  };
};

const countsBy = (rows: readonly SummaryRow[], column: keyof typeof GROUPED_BY): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = row[column];
    if (Number(row.grouping_id) === GROUPED_BY[column] && key !== null && key !== undefined) {
      counts[key] = Number(row.conversations);
    }
  }
  return counts;
};
