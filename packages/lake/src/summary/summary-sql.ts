import { LAKE_TABLE } from '../schema/columns';
import { dayLiteral, dayOf, stringLiteral, timestampLiteral } from './sql-literals';

/** A half-open time window `[from, to)`, both ends in `toISOString()` form. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

/** How far before and after the window the summary reads by default, in days (see {@link summarySql}). */
export const DEFAULT_MARGIN_DAYS = 2;

/** The detail-types analytics stores and the summary counts (the first event is the first of these). */
export const SUMMARY_DETAIL_TYPES = [
  'v2.conversations.{id}.transcription',
  'v2.conversations.{id}.summaries',
  'call.analysis.completed',
  'conversation:created',
  'conversation:updated',
] as const;

/** And every conversation detail event (`v2.detail.events.conversation.{id}.<suffix>`). */
export const CONVERSATION_DETAIL_PREFIX = 'v2.detail.events.conversation.';

/** Marks the summary's SQL so that an Athena query id can be recognised (and its window read) later. */
export const SUMMARY_MARKER = '-- genesys-events:summary';

/** What the summary SQL needs besides the window. */
export interface SummarySqlOptions {
  /** Events received before this (ISO) are past retention: left out at once, as the stores leave them out. */
  readonly notBefore: string;
  /** Days read before and after the window, to find each conversation's true first event and all its figures. */
  readonly marginDays?: number;
  readonly table?: string;
}

/**
 * The SQL of `GET /analytics/summary` over the lake, in the subset of SQL that Athena (Trino) and DuckDB run
 * alike: `min_by`/`max_by` with `FILTER`, `GROUPING SETS` with `grouping()`, `starts_with`, `TIMESTAMP`
 * literals. It reads the partitions of the window plus `marginDays` on each side and narrow columns only
 * (never `body`). A conversation counts when its first event lies in `[from, to)`; its media type, direction
 * and queue are those of its earliest event naming them; its sentiment is the latest Genesys label, else the
 * latest derived one unless Genesys summarised it; its handle time adds `user.end` talk and hold and `acw` wrap-up over distinct events
 * (a resent event is the same conversation, time, topic, participant and durations, so it counts once).
 * One row per group: see {@link summaryFromRows}.
 *
 * @example
 * ```ts
 * summarySql({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' }, { notBefore: '2091-03-17T10:00:00.000Z' });
 * ```
 */
export const summarySql = (window: TimeWindow, options: SummarySqlOptions): string => {
  const margin = options.marginDays ?? DEFAULT_MARGIN_DAYS;
  const table = options.table ?? LAKE_TABLE;
  const firstDay = dayOf(window.from, -margin);
  const partitions = `event_date BETWEEN ${dayLiteral(firstDay)} AND ${dayLiteral(dayOf(window.to, margin))}`;
  const retained = retainedCondition(firstDay, options.notBefore);
  const kinds = `(starts_with(detail_type, ${stringLiteral(CONVERSATION_DETAIL_PREFIX)}) OR detail_type IN (${SUMMARY_DETAIL_TYPES.map(stringLiteral).join(', ')}))`;
  return `${SUMMARY_MARKER} from=${window.from} to=${window.to}
WITH per_conversation AS (
  SELECT conversation_id,
    min(event_time) AS first_event_time,
    min_by(media_type, event_time) FILTER (WHERE media_type IS NOT NULL) AS media_type,
    min_by(direction, event_time) FILTER (WHERE direction IS NOT NULL) AS direction,
    min_by(queue_id, event_time) FILTER (WHERE queue_id IS NOT NULL) AS queue_id,
    coalesce(
      max_by(sentiment_label, event_time) FILTER (WHERE sentiment_source = 'genesys'),
      CASE WHEN count(summary_text) = 0
        THEN max_by(sentiment_label, event_time) FILTER (WHERE sentiment_source = 'derived') END
    ) AS sentiment_label
  FROM ${table}
  WHERE ${partitions}${retained}
    AND ${kinds}
  GROUP BY conversation_id
), handle_events AS (
  SELECT DISTINCT conversation_id, event_time, detail_type, participant_id,
    interacting_duration_ms, held_duration_ms, wrapup_duration_ms
  FROM ${table}
  WHERE (interacting_duration_ms IS NOT NULL OR held_duration_ms IS NOT NULL OR wrapup_duration_ms IS NOT NULL)
    AND ${partitions}${retained}
), handle AS (
  SELECT conversation_id,
    sum(coalesce(interacting_duration_ms, 0) + coalesce(held_duration_ms, 0) + coalesce(wrapup_duration_ms, 0)) AS handle_ms
  FROM handle_events
  GROUP BY conversation_id
), chosen AS (
  SELECT p.media_type, p.direction, p.queue_id, p.sentiment_label, h.handle_ms
  FROM per_conversation p LEFT JOIN handle h ON h.conversation_id = p.conversation_id
  WHERE p.conversation_id IS NOT NULL
    AND p.first_event_time >= ${timestampLiteral(window.from)} AND p.first_event_time < ${timestampLiteral(window.to)}
)
SELECT grouping(media_type, direction, queue_id, sentiment_label) AS grouping_id,
  media_type, direction, queue_id, sentiment_label,
  count(*) AS conversations, count(handle_ms) AS handled, sum(handle_ms) AS handle_ms
FROM chosen
GROUP BY GROUPING SETS ((media_type), (direction), (queue_id), (sentiment_label), ())`;
};

/**
 * The retention condition, as an `AND` clause, or nothing when no partition read can hold a row past it.
 * Rows past retention are dropped by the nightly (locally hourly) sweep; until then the read leaves them
 * out too. An event is received after it happens, so only partitions up to the cutoff's day can hold one:
 * the receipt time is compared there alone. A window whose partitions all lie after that day (every window
 * but those near the retention edge) gets no condition, so `received_at` is not read at all: neither engine
 * drops a column per partition on its own, and a timestamp of every row is among the costliest columns to
 * read (CPU locally, bytes billed on Athena).
 */
const retainedCondition = (firstDay: string, notBefore: string): string => {
  const cutoffDay = dayOf(notBefore);
  if (firstDay > cutoffDay) return '';
  return `\n    AND (event_date > ${dayLiteral(cutoffDay)} OR received_at >= ${timestampLiteral(notBefore)})`;
};
