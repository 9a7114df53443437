import {
  type AppBusDetail,
  type AppBusEnvelope,
  appBusDetailSchema,
  conversationIdOf,
  eventContentKey,
  eventTimeOf,
} from '@genesys-events/core';
import { type RowFacts, rowFactsOf } from './row-facts';

/** The `source` analytics publishes its derived call analyses with. */
export const ANALYTICS_SOURCE = 'genesys-events.analytics';

/** The `source` of erasure requests and reports: bookkeeping, never stored in the lake. */
export const ERASURE_SOURCE = 'genesys-events.erasure';

/**
 * One row of `events`, as both writers (the local lake and the cloud's Firehose transform) write it. Times
 * are ISO 8601 (`toISOString()`); each writer turns them into its timestamp type.
 */
export type LakeRow = RowFacts & {
  readonly event_id: string;
  readonly event_date: string;
  readonly event_time: string;
  readonly received_at: string;
  readonly detail_type: string;
  readonly topic_name: string;
  readonly source: string;
  readonly transport: string;
  readonly conversation_id: string | null;
  readonly body: string;
};

/**
 * Whether the lake keeps an app-bus event: every event but the erasure bookkeeping, exactly what the cloud's
 * rule to Firehose matches (`source` anything-but `genesys-events.erasure`).
 *
 * @example
 * ```ts
 * if (isLakeEvent(envelope)) rows.push(lakeRowOf(envelope));
 * ```
 */
export const isLakeEvent = (envelope: Pick<AppBusEnvelope, 'source'>): boolean => envelope.source !== ERASURE_SOURCE;

/**
 * The lake row of an app-bus event as an EventBridge rule target receives it, or `undefined` when its detail
 * is not an app-bus detail or it carries no usable time (nothing to partition it by).
 *
 * @example
 * ```ts
 * lakeRowOf({ 'detail-type': 'v2.detail.events.conversation.{id}.acw', source, time, detail });
 * // { event_id: '3f9a...', event_date: '2091-06-15', conversation_id: 'c-1', wrapup_duration_ms: 30000, ... }
 * ```
 */
export const lakeRowOf = (envelope: AppBusEnvelope): LakeRow | undefined => {
  const parsed = appBusDetailSchema.safeParse(envelope.detail);
  if (!parsed.success) return undefined;
  const detail = parsed.data;
  const envelopeTime = isoOf(envelope.time);
  const eventTime = isoOf(eventTimeOf(detail)) ?? envelopeTime;
  if (!eventTime) return undefined;
  return {
    event_id: eventContentKey(detail),
    event_date: eventTime.slice(0, 10),
    event_time: eventTime,
    received_at: isoOf(detail.gateway?.receivedAt) ?? envelopeTime ?? eventTime,
    detail_type: envelope['detail-type'],
    topic_name: detail.topicName,
    source: envelope.source,
    transport: transportOf(detail, envelope.source),
    conversation_id: conversationIdOf(detail) ?? null,
    ...rowFactsOf(detail, { derived: envelope.source === ANALYTICS_SOURCE }),
    body: JSON.stringify(detail.eventBody),
  };
};

// Events of our own making (derived analyses) arrived through no gateway; partner events through the bus.
const transportOf = (detail: AppBusDetail, source: string): string =>
  detail.gateway?.transport ?? (source.startsWith('aws.partner/') ? 'eventbridge-partner' : 'internal');

/** Only four-digit years: partitions and string order rely on the fixed ISO shape. */
const isoOf = (value: string | undefined): string | undefined => {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
};
