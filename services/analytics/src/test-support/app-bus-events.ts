/**
 * Test helpers for analytics: Genesys notifications and seed events, wrapped as app-bus events the way the
 * rule target receives them (built with core's recogniser and normaliser, so the shapes are the ones ingest
 * publishes). Every builder returns a fresh object.
 */
import { partnerBusEvent, publishedWebhookEvent, receivedFromBus } from '@genesys-events/consumer-kit/testing';
import type { AppBusEvent, GatewayInfo } from '@genesys-events/core';
import { type AnalyticsEvent, type AppBusEnvelope, toAnalyticsEvent } from '../model/analytics-event';

export const ORG_ID = '6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
export const CONVERSATION_ID = 'a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
export const OTHER_CONVERSATION_ID = 'b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e';
export const PARTNER_SOURCE = `aws.partner/genesys.com/cloud/${ORG_ID}/analytics-tests`;
/** 2091-06-15T10:00:00.000Z: a far-off time, so nothing else in a shared table is near it. */
export const T0 = Date.UTC(2091, 5, 15, 10, 0, 0);
export const iso = (ms: number): string => new Date(ms).toISOString();

/** How a webhook arrived, as ingest records it. */
export const gateway = (overrides: Partial<GatewayInfo> = {}): GatewayInfo => ({
  transport: 'genesys-header',
  scheme: 'seed-header',
  receivedAt: iso(T0 + 3_600_000),
  ...overrides,
});

/** A conversation detail notification (`v2.detail.events.conversation.{id}.<suffix>`), epoch-ms `eventTime`. */
export const detailNotification = (
  suffix: string,
  eventTime: number,
  body: Record<string, unknown> = {},
  conversationId = CONVERSATION_ID,
): Record<string, unknown> => ({
  topicName: `v2.detail.events.conversation.${conversationId}.${suffix}`,
  version: '2',
  eventBody: { eventTime, conversationId, mediaType: 'VOICE', direction: 'INBOUND', ...body },
  metadata: { CorrelationId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
  timestamp: iso(eventTime + 40),
});

/** One utterance of a transcription event. */
export const utterance = (
  utteranceId: string,
  text: string,
  offsetMs: number,
  { channel = 'EXTERNAL', isFinal = true }: { channel?: string; isFinal?: boolean } = {},
): Record<string, unknown> => ({
  utteranceId,
  isFinal,
  channel,
  alternatives: [{ confidence: 0.91, offsetMs, durationMs: 1500, transcript: text, words: [] }],
  engineProvider: 'GENESYS',
});

/** A transcription notification (`v2.conversations.{id}.transcription`), ISO `eventTime`. */
export const transcriptionNotification = (
  eventTime: number,
  transcripts: Record<string, unknown>[],
  { status = 'SESSION_ONGOING', conversationId = CONVERSATION_ID }: { status?: string; conversationId?: string } = {},
): Record<string, unknown> => ({
  topicName: `v2.conversations.${conversationId}.transcription`,
  version: '2',
  eventBody: {
    eventTime: iso(eventTime),
    conversationId,
    communicationId: 'c0d1e2f3-a4b5-4c6d-8e7f-a0b1c2d3e4f5',
    transcripts,
    status: { status, offsetMs: 90_000 },
  },
  metadata: { CorrelationId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' },
});

/** A Genesys conversation summary notification (`v2.conversations.{id}.summaries`), ISO `createdDate`. */
export const summaryNotification = (
  createdAt: number,
  body: Record<string, unknown> = {},
  conversationId = CONVERSATION_ID,
): Record<string, unknown> => ({
  topicName: `v2.conversations.${conversationId}.summaries`,
  version: '2',
  eventBody: {
    conversationId,
    createdDate: iso(createdAt),
    mediaType: 'CALL',
    summary: { text: 'The parcel was late; a replacement goes out today.', score: 0.9 },
    headline: { text: 'Late parcel replaced' },
    reason: { text: 'Parcel not delivered' },
    resolution: { text: 'Replacement sent', resolutionValue: 'RESOLVED' },
    followupActions: [{ text: 'Confirm delivery tomorrow' }, { description: 'no text' }],
    ...body,
  },
  metadata: { CorrelationId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
  timestamp: iso(createdAt + 40),
});

/** The seed `call.analysis.completed` envelope, as Genesys posts it to the header webhook. */
export const seedCallAnalysis = (
  detail: Record<string, unknown> = {},
  time = iso(T0 + 1_800_000),
): Record<string, unknown> => ({
  version: '0',
  id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  'detail-type': 'call.analysis.completed',
  source: 'genesys.cloud',
  time,
  detail: {
    interactionId: CONVERSATION_ID,
    transcript: 'Customer: where is my parcel?',
    sentiment: 'negative',
    ...detail,
  },
});

/** A notification forwarded as is from the Genesys partner bus: detail-type is the pattern, no `gateway`. */
export const partnerEvent = (notification: Record<string, unknown>): AppBusEnvelope =>
  partnerBusEvent(notification, { source: PARTNER_SOURCE, time: iso(T0 + 3_600_000) });

/** What the rule target receives for a payload ingest published from a webhook. */
export const publishedEvent = (payload: Record<string, unknown>, via: GatewayInfo = gateway()): AppBusEnvelope =>
  publishedWebhookEvent(payload, via, iso(T0 + 3_600_000));

/** What the rule target receives for an event put on the bus, e.g. the derived analysis analytics published. */
export const asReceived = (event: AppBusEvent): AppBusEnvelope => receivedFromBus(event, iso(T0 + 3_600_000));

/** The stored form of a partner notification. */
export const storedPartnerEvent = (notification: Record<string, unknown>): AnalyticsEvent =>
  toAnalyticsEvent(partnerEvent(notification));
