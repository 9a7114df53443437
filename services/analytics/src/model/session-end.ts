import type { AppBusEnvelope } from '@genesys-events/core';
import { conversationIdOf, eventContentKey } from '@genesys-events/core/identity';
import type { AnalyticsEvent } from './analytics-event';
import { finalUtterances, type TranscriptEntry } from './final-utterances';

// Read by hand rather than through core's schemas: zod would put the sentiment deriver, which bundles the
// AFINN word list, over its size budget. The deriver reads only what it needs; the consumer, which gets the
// same event, still validates it whole and parks it when it is broken.

const TRANSCRIPTION_TOPIC = /^v2\.conversations\.[^.]+\.transcription$/;
// A date-time with seconds and a zone, as core reads transcription times: one without a zone would be read
// in the host's local time.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A transcription event that ends a session but cannot be read: it names no conversation, carries no usable
 * time, or its `transcripts` is not a list of objects. Thrown, so that the event is retried and then parked.
 *
 * @example
 * ```ts
 * throw new UnreadableSessionEndError('no_event_time', 'the session end carries no usable time');
 * ```
 */
export class UnreadableSessionEndError extends Error {
  readonly reason: 'no_conversation' | 'no_event_time' | 'invalid_transcripts';

  constructor(reason: UnreadableSessionEndError['reason'], message: string) {
    super(message);
    this.name = 'UnreadableSessionEndError';
    this.reason = reason;
  }
}

/**
 * The `SESSION_ENDED` transcription event an app-bus event carries, as the consumer stores it: the same
 * conversation, content key, time and final utterances. `undefined` when the event ends no transcription
 * session. Throws {@link UnreadableSessionEndError}.
 *
 * @example
 * ```ts
 * readSessionEnd(eventBridgeEvent);
 * // { conversationId, eventKey: '3f9a...', topic, eventTime, utterances: [...], sessionEnded: true }
 * ```
 */
export const readSessionEnd = (envelope: AppBusEnvelope): AnalyticsEvent | undefined => {
  const detail = recordOrUndefined(envelope.detail);
  const body = recordOrUndefined(detail?.eventBody);
  const topic = typeof detail?.topicName === 'string' ? detail.topicName : '';
  if (!detail || !body || !TRANSCRIPTION_TOPIC.test(topic)) return undefined;
  if (recordOrUndefined(body.status)?.status !== 'SESSION_ENDED') return undefined;
  const conversationId = conversationIdOf({ topicName: topic, eventBody: body });
  if (!conversationId) throw new UnreadableSessionEndError('no_conversation', `${topic} names no conversation`);
  const eventTime = eventTimeOf(body, detail, envelope);
  if (!eventTime) throw new UnreadableSessionEndError('no_event_time', `${topic} carries no usable time`);
  const utterances = finalUtterances(transcriptsOf(body, topic));
  return {
    conversationId,
    eventKey: eventContentKey({ topicName: topic, eventBody: body }),
    topic,
    eventTime,
    ...(utterances.length > 0 ? { utterances } : {}),
    sessionEnded: true,
  };
};

/**
 * The events of a conversation once its session end is stored: the stored ones, with the session end in
 * place of its stored copy. The deriver may run before the consumer has stored the event that triggered it.
 *
 * @example
 * ```ts
 * withSessionEnd(await table.listConversation(sessionEnd.conversationId), sessionEnd);
 * ```
 */
export const withSessionEnd = (stored: readonly AnalyticsEvent[], sessionEnd: AnalyticsEvent): AnalyticsEvent[] => [
  ...stored.filter((event) => event.eventKey !== sessionEnd.eventKey),
  sessionEnd,
];

// Core's order: the body's time, then the notification's timestamp, the gateway's receipt, the envelope's.
const eventTimeOf = (
  body: Record<string, unknown>,
  detail: Record<string, unknown>,
  envelope: AppBusEnvelope,
): string | undefined => {
  const bodyTime = typeof body.eventTime === 'string' && ISO_WITH_ZONE.test(body.eventTime) ? body.eventTime : '';
  const candidates = [bodyTime, detail.timestamp, recordOrUndefined(detail.gateway)?.receivedAt, envelope.time];
  return candidates.map(isoOf).find((time) => time !== undefined);
};

// Only four-digit years: time indexes and string ordering rely on the fixed ISO shape.
const isoOf = (value: unknown): string | undefined => {
  const time = typeof value === 'string' && value ? Date.parse(value) : Number.NaN;
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
};

const transcriptsOf = (body: Record<string, unknown>, topic: string): TranscriptEntry[] => {
  const transcripts = body.transcripts ?? [];
  if (Array.isArray(transcripts) && transcripts.every((entry) => recordOrUndefined(entry))) return transcripts;
  throw new UnreadableSessionEndError('invalid_transcripts', `${topic} has transcripts of the wrong shape`);
};

const recordOrUndefined = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
