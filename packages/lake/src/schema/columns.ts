/** The lake's table (a view over the Parquet files locally, an Iceberg table in the cloud). */
export const LAKE_TABLE = 'events';

/** The column the lake is partitioned by: the UTC day of `event_time`, `YYYY-MM-DD`. */
export const PARTITION_COLUMN = 'event_date';

/** A column type both engines store alike: Iceberg's name (Glue, Firehose) and DuckDB's. */
export type LakeColumnType = 'string' | 'long' | 'double' | 'timestamp';

/** One column of the lake: its name, type and meaning (the documented schema). */
export interface LakeColumn {
  readonly name: string;
  readonly type: LakeColumnType;
  readonly doc: string;
}

/**
 * The columns of `events`, in order. The first few identify and place an event; the facts after them are
 * read from its body once, at write time, so that summaries read narrow typed columns and never the JSON.
 * The partition column is a string on purpose: every engine and writer spells `YYYY-MM-DD` alike.
 *
 * @example
 * ```ts
 * LAKE_COLUMNS.map((column) => column.name); // ['event_id', 'event_date', 'event_time', ...]
 * ```
 */
export const LAKE_COLUMNS: readonly LakeColumn[] = [
  {
    name: 'event_id',
    type: 'string',
    doc: 'Content key: SHA-256 of topic name and canonical body; equal for a resend',
  },
  { name: PARTITION_COLUMN, type: 'string', doc: 'UTC day of event_time, YYYY-MM-DD (the partition)' },
  { name: 'event_time', type: 'timestamp', doc: 'When the event happened (UTC)' },
  { name: 'received_at', type: 'timestamp', doc: 'When it reached us (UTC): gateway receipt, else bus time' },
  { name: 'detail_type', type: 'string', doc: 'EventBridge detail-type: the topic pattern or seed event type' },
  { name: 'topic_name', type: 'string', doc: 'The concrete topic name, ids included' },
  { name: 'source', type: 'string', doc: 'EventBridge source' },
  { name: 'transport', type: 'string', doc: 'How it arrived: genesys-form, genesys-header, eventbridge-api, ...' },
  { name: 'conversation_id', type: 'string', doc: 'The conversation it belongs to; null for other topics' },
  { name: 'participant_id', type: 'string', doc: 'Body participantId' },
  { name: 'user_id', type: 'string', doc: 'Body userId (the agent)' },
  { name: 'queue_id', type: 'string', doc: 'Body queueId (acd.start, acd.end, acw, summaries)' },
  { name: 'media_type', type: 'string', doc: 'Body mediaType (VOICE, CHAT, MESSAGE, ...)' },
  { name: 'direction', type: 'string', doc: 'Body direction (INBOUND, OUTBOUND)' },
  { name: 'interacting_duration_ms', type: 'long', doc: 'user.end only: the agent talk time' },
  { name: 'held_duration_ms', type: 'long', doc: 'user.end only: the agent hold time' },
  { name: 'wrapup_duration_ms', type: 'long', doc: 'acw only: after-call work' },
  { name: 'wrapup_code', type: 'string', doc: 'acw only: the wrap-up code id' },
  { name: 'sentiment_label', type: 'string', doc: 'call.analysis.completed: lower-cased label' },
  { name: 'sentiment_score', type: 'double', doc: 'call.analysis.completed: score, when given' },
  { name: 'sentiment_source', type: 'string', doc: 'call.analysis.completed: genesys, or derived (by analytics)' },
  { name: 'summary_text', type: 'string', doc: 'Genesys summary: its text (else headline, reason, resolution)' },
  { name: 'summary_reason', type: 'string', doc: 'Genesys summary: the reason for contact' },
  { name: 'summary_resolution', type: 'string', doc: 'Genesys summary: the resolution' },
  { name: 'body', type: 'string', doc: 'The event body (eventBody) as JSON text' },
];

/** The Iceberg type of each lake type (Glue schema, Firehose). */
export const ICEBERG_TYPES: Readonly<Record<LakeColumnType, string>> = {
  string: 'string',
  long: 'long',
  double: 'double',
  timestamp: 'timestamp',
};

/** The DuckDB type of each lake type (local Parquet files). */
export const DUCKDB_TYPES: Readonly<Record<LakeColumnType, string>> = {
  string: 'VARCHAR',
  long: 'BIGINT',
  double: 'DOUBLE',
  timestamp: 'TIMESTAMP',
};
