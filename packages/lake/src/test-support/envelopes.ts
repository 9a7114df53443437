/**
 * App-bus events for the lake's tests, as an EventBridge rule target (or the local bus) delivers them.
 * Times sit in a far-off year so nothing else is near them.
 */
import type { AppBusEnvelope } from '@genesys-events/core';

/** 2091-06-15T10:00:00.000Z. */
export const T0 = Date.UTC(2091, 5, 15, 10, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const iso = (ms: number): string => new Date(ms).toISOString();

const PARTNER_SOURCE = 'aws.partner/genesys.com/cloud/6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e/lake-tests';

/** A conversation detail event (`v2.detail.events.conversation.{id}.<suffix>`), epoch-ms `eventTime`. */
export const detailEvent = (
  conversationId: string,
  suffix: string,
  eventTime: number,
  body: Record<string, unknown> = {},
): AppBusEnvelope => ({
  id: `bus-${conversationId}-${suffix}-${eventTime}`,
  'detail-type': `v2.detail.events.conversation.{id}.${suffix}`,
  source: PARTNER_SOURCE,
  time: iso(eventTime + 1000),
  detail: {
    topicName: `v2.detail.events.conversation.${conversationId}.${suffix}`,
    version: '2',
    eventBody: { eventTime, conversationId, mediaType: 'VOICE', direction: 'INBOUND', ...body },
    metadata: { CorrelationId: 'c0ffee00-0000-4000-8000-000000000000' },
    timestamp: iso(eventTime + 40),
  },
});

/** A call analysis: the seed `call.analysis.completed` (Genesys) or analytics' own (derived). */
export const analysisEvent = (
  conversationId: string,
  sentiment: string,
  time: number,
  { derived = false, score }: { derived?: boolean; score?: number } = {},
): AppBusEnvelope => ({
  'detail-type': 'call.analysis.completed',
  source: derived ? 'genesys-events.analytics' : 'genesys-events.webhooks',
  time: iso(time),
  detail: {
    topicName: 'call.analysis.completed',
    version: derived ? 'analytics-1' : '0',
    eventBody: {
      interactionId: conversationId,
      transcript: 'Customer: hello.',
      sentiment,
      ...(score ? { score } : {}),
    },
    metadata: {},
    timestamp: iso(time),
    ...(derived
      ? {}
      : { gateway: { transport: 'genesys-header', scheme: 'seed-header', receivedAt: iso(time + 500) } }),
  },
});

/** A Genesys conversation summary (`v2.conversations.{id}.summaries`), or a failed one without texts. */
export const summaryEvent = (conversationId: string, createdAt: number, { failed = false } = {}): AppBusEnvelope => ({
  'detail-type': 'v2.conversations.{id}.summaries',
  source: PARTNER_SOURCE,
  time: iso(createdAt + 1000),
  detail: {
    topicName: `v2.conversations.${conversationId}.summaries`,
    version: '2',
    eventBody: failed
      ? { conversationId, createdDate: iso(createdAt), errorType: 'CONVERSATION_TOO_SHORT' }
      : {
          conversationId,
          createdDate: iso(createdAt),
          summary: { text: 'Parcel late; replacement sent.' },
          reason: { text: 'Parcel not delivered' },
          resolution: { text: 'Replacement sent' },
        },
    metadata: {},
    timestamp: iso(createdAt),
  },
});

/** Another envelope of the same event: a resend (new bus id, arrival time and transport). */
export const resent = (envelope: AppBusEnvelope, transport = 'eventbridge-api'): AppBusEnvelope => ({
  ...envelope,
  id: `${envelope.id ?? 'bus'}-again`,
  detail: {
    ...(envelope.detail as Record<string, unknown>),
    gateway: { transport, scheme: 'api-key', receivedAt: iso(T0 + 2 * HOUR) },
  },
});
