/**
 * The SQL that writes a synthetic lake: `conversations` conversations of about 30 events each, as Genesys and
 * the system put them on the app bus (the lake's schema, `@genesys-events/lake/schema`), in DuckDB alone so
 * that a million conversations take minutes, not hours. 50,000 conversations a day from 2091-06-01, a mix of
 * media and directions, 40 queues, 400 agents; each call: customer, IVR, queue, agent, twelve transcription
 * events, attributes, wrap-up, a sentiment (75% derived, 25% from Genesys) and, for one in four, a Genesys
 * summary. One in fifty conversations has its `user.end` and `acw` delivered twice (a resend), as real lakes do.
 */

/** The first day of every synthetic lake. */
export const SYNTHETIC_START = '2091-06-01T00:00:00.000Z';

/** Conversations start this far apart: 50,000 a day. */
export const CONVERSATION_SPACING_MS = 1728;

// A UUID-shaped id from a seed expression (deterministic: the same lake every time).
const uuid = (seed: string) =>
  `(substr(md5(${seed}), 1, 8) || '-' || substr(md5(${seed}), 9, 4) || '-4' || substr(md5(${seed}), 14, 3) || '-a' || substr(md5(${seed}), 18, 3) || '-' || substr(md5(${seed}), 21, 12))`;

// Each conversation's events: index, kind (a detail suffix, T transcription, TE session end, A analysis,
// S summary or transcription) and seconds after its start.
const EVENTS = `(VALUES
  (0, 'customer.start', 0), (1, 'flow.start', 2), (2, 'flow.outcome', 40), (3, 'flow.end', 45), (4, 'acd.start', 46),
  (5, 'acd.end', 75), (6, 'user.start', 75), (7, 'T', 90), (8, 'T', 110), (9, 'T', 130), (10, 'T', 150), (11, 'T', 170),
  (12, 'T', 190), (13, 'T', 210), (14, 'T', 230), (15, 'T', 250), (16, 'T', 270), (17, 'T', 290), (18, 'T', 310),
  (19, 'attributes', 120), (20, 'contact', 125), (21, 'user.end', 330), (22, 'customer.end', 330), (23, 'acw', 360),
  (24, 'wrapup', 361), (25, 'TE', 331), (26, 'A', 333), (27, 'S', 365), (28, 'flow.start', 335), (29, 'flow.end', 340)
) AS kinds(j, kind, offset_s)`;

/**
 * The `SELECT` of every row of a synthetic lake, with the lake's columns (the partition column included).
 *
 * @example
 * ```ts
 * await connection.run(`COPY (${syntheticEventsSql(10_000)}) TO 'lake/events' (FORMAT parquet, PARTITION_BY (event_date))`);
 * ```
 */
export const syntheticEventsSql = (conversations: number): string => `
WITH conv AS (
  SELECT i, ${uuid("'c' || i")} AS cid, ${uuid("'p' || i")} AS customer_pid, ${uuid("'a' || i")} AS agent_pid,
    ${uuid("'u' || (i % 400)")} AS agent_id, ${uuid("'q' || (i % 40)")} AS queue,
    TIMESTAMP '${SYNTHETIC_START.slice(0, 10)}' + to_milliseconds((i * ${CONVERSATION_SPACING_MS})::BIGINT) AS start_time,
    CASE WHEN i % 10 < 6 THEN 'VOICE' WHEN i % 10 < 8 THEN 'MESSAGE' WHEN i % 10 = 8 THEN 'EMAIL' ELSE 'CALLBACK' END AS media,
    CASE WHEN i % 5 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END AS dir,
    (i * 7919) % 1000 AS r
  FROM range(${conversations}) t(i)
), rows AS (
  SELECT conv.*, j, kind, start_time + to_milliseconds((offset_s * 1000 + (r % 7) * 100)::BIGINT) AS event_time, 0 AS resend
  FROM conv, ${EVENTS}
  UNION ALL
  SELECT conv.*, j, kind, start_time + to_milliseconds((offset_s * 1000 + (r % 7) * 100)::BIGINT), 1
  FROM conv, ${EVENTS} WHERE conv.i % 50 = 0 AND j IN (21, 23)
), typed AS (
  SELECT *,
    CASE WHEN kind IN ('T', 'TE') OR (kind = 'S' AND r >= 250) THEN 'v2.conversations.{id}.transcription'
      WHEN kind = 'S' THEN 'v2.conversations.{id}.summaries'
      WHEN kind = 'A' THEN 'call.analysis.completed'
      ELSE 'v2.detail.events.conversation.{id}.' || kind END AS detail_type,
    kind NOT IN ('T', 'TE', 'S', 'A') AS is_detail,
    kind IN ('user.start', 'user.end', 'acw', 'wrapup') AS by_agent,
    kind = 'A' AND r >= 250 AS derived
  FROM rows
)
SELECT
  md5(cid || j) || md5(j || cid) AS event_id,
  strftime(event_time, '%Y-%m-%d') AS event_date,
  event_time,
  event_time + to_milliseconds(800 + resend * 60000) AS received_at,
  detail_type,
  replace(detail_type, '{id}', cid) AS topic_name,
  CASE WHEN derived THEN 'genesys-events.analytics' ELSE 'aws.partner/genesys.com/cloud/bench/contact-center' END AS source,
  CASE WHEN resend = 1 THEN 'eventbridge-api' WHEN derived THEN 'internal' ELSE 'eventbridge-partner' END AS transport,
  cid AS conversation_id,
  CASE WHEN by_agent THEN agent_pid WHEN is_detail THEN customer_pid END AS participant_id,
  CASE WHEN by_agent THEN agent_id END AS user_id,
  CASE WHEN kind IN ('acd.start', 'acd.end', 'acw') THEN queue END AS queue_id,
  CASE WHEN is_detail THEN media END AS media_type,
  CASE WHEN is_detail THEN dir END AS direction,
  CASE WHEN kind = 'user.end' THEN (60000 + (r * 331) % 600000)::BIGINT END AS interacting_duration_ms,
  CASE WHEN kind = 'user.end' THEN ((r * 17) % 60000)::BIGINT END AS held_duration_ms,
  CASE WHEN kind = 'acw' THEN (10000 + (r * 97) % 120000)::BIGINT END AS wrapup_duration_ms,
  CASE WHEN kind = 'acw' THEN ${uuid("'w' || (i % 25)")} END AS wrapup_code,
  CASE WHEN kind = 'A' THEN ['positive', 'neutral', 'negative'][1 + r % 3] END AS sentiment_label,
  CASE WHEN derived THEN ((r % 200) - 100) / 1000.0 END AS sentiment_score,
  CASE WHEN kind = 'A' THEN (CASE WHEN derived THEN 'derived' ELSE 'genesys' END) END AS sentiment_source,
  CASE WHEN kind = 'S' AND r < 250 THEN 'The customer asked about order ' || (i % 9973) || '; the agent sorted it out.' END AS summary_text,
  CASE WHEN kind = 'S' AND r < 250 THEN 'Order status' END AS summary_reason,
  CASE WHEN kind = 'S' AND r < 250 THEN 'Resolved' END AS summary_resolution,
  '{"eventTime":' || epoch_ms(event_time) || ',"conversationId":"' || cid || '","participantId":"' || customer_pid ||
    '","mediaType":"' || media || '","direction":"' || dir || '","provider":"Edge","divisionId":"' || agent_id || '"}' AS body
FROM typed`;
