/**
 * Test helpers for conversation-events: app-bus events as the EventBridge rule target receives them, built
 * with core's own recogniser and normaliser so the shapes are the ones ingest publishes, plus an in-memory
 * conversation events table. Every builder returns a fresh object.
 */
import { partnerBusEvent, publishedWebhookEvent } from '@genesys-events/consumer-kit/testing';
import type { GatewayInfo } from '@genesys-events/core';
import type { AppBusEnvelope, TimelineEntry } from '../model/timeline-entry';
import type { ConversationEventsTable, StoreOutcome } from '../store/conversation-events-table';

export const ORG_ID = '3b9a5c1e-8d27-4f60-a1c4-92e7d05b6f38';
export const CONVERSATION_ID = 'c41f7e2a-95b3-4d08-8e6c-1a2b3c4d5e6f';
export const PARTICIPANT_ID = '8e2d4c6a-1f3b-4a5c-9d7e-0b1c2d3e4f5a';
export const CORRELATION_ID = '5d6e7f80-9a1b-4c2d-8e3f-405162738495';
export const USER_ID = '2c4e6a8b-0d1f-4e3a-b5c7-d9e1f3a5b7c9';
export const PARTNER_SOURCE = `aws.partner/genesys.com/cloud/${ORG_ID}/genesys-events-dev`;
/** 2025-03-14T09:26:53.589Z */
export const EVENT_TIME_MS = 1741944413589;

/** How a webhook arrived, as ingest records it. */
export const gateway = (overrides: Partial<GatewayInfo> = {}): GatewayInfo => ({
  transport: 'genesys-form',
  scheme: 'seed-form',
  receivedAt: '2025-03-14T09:26:54.001Z',
  ...overrides,
});

/** A seed conversation event body, as a sender signs it. */
export const seedConversationEvent = (
  overrides: Record<string, unknown> = {},
  eventType: 'conversation:created' | 'conversation:updated' = 'conversation:created',
): Record<string, unknown> => ({
  eventType,
  conversation: { id: CONVERSATION_ID, type: 'call', queue: 'Tier 1 Support' },
  timestamp: '2025-03-14T09:26:53.589Z',
  ...overrides,
});

/** A bare Genesys conversation detail notification (`v2.detail.events.conversation.{id}.customer.<phase>`). */
export const customerNotification = (
  phase: 'start' | 'end' = 'start',
  bodyOverrides: Record<string, unknown> = {},
): Record<string, unknown> => ({
  topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.${phase}`,
  version: '2',
  eventBody: {
    eventTime: EVENT_TIME_MS,
    conversationId: CONVERSATION_ID,
    participantId: PARTICIPANT_ID,
    mediaType: 'VOICE',
    direction: 'INBOUND',
    ...bodyOverrides,
  },
  metadata: { CorrelationId: CORRELATION_ID },
  timestamp: '2025-03-14T09:26:53.612Z',
});

/** A user presence notification, which belongs to no conversation. */
export const presenceNotification = (): Record<string, unknown> => ({
  topicName: `v2.users.${USER_ID}.presence`,
  version: '2',
  eventBody: { presenceDefinition: { systemPresence: 'On Queue' }, modifiedDate: '2025-03-14T09:20:00.000Z' },
  metadata: { CorrelationId: '7f8091a2-b3c4-4d5e-8f60-718293a4b5c6' },
});

/** What the store function receives for a webhook ingest published (core's recogniser and normaliser). */
export const publishedEvent = (payload: Record<string, unknown>, via: GatewayInfo = gateway()): AppBusEnvelope =>
  publishedWebhookEvent(payload, via, '2025-03-14T09:26:54Z');

/** A Genesys notification forwarded as is from the partner event bus: no `gateway` field. */
export const partnerEvent = (notification: Record<string, unknown>, time = '2025-03-14T09:26:55Z'): AppBusEnvelope =>
  partnerBusEvent(notification, { source: PARTNER_SOURCE, time });

/** A stored timeline entry. */
export const timelineEntry = (overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  conversationId: CONVERSATION_ID,
  eventKey: 'a'.repeat(64),
  topic: 'conversation:created',
  detailType: 'conversation:created',
  eventTime: '2025-03-14T09:26:53.589Z',
  transport: 'genesys-form',
  receivedAt: '2025-03-14T09:26:54.001Z',
  body: {},
  ...overrides,
});

/** An in-memory {@link ConversationEventsTable} with the same put-once semantics as the DynamoDB one. */
export const inMemoryTable = (): ConversationEventsTable & {
  readonly items: Map<string, TimelineEntry>;
  putCalls: number;
} => {
  const items = new Map<string, TimelineEntry>();
  const table = {
    items,
    putCalls: 0,
    putOnce: async (entry: TimelineEntry): Promise<StoreOutcome> => {
      table.putCalls += 1;
      const key = `${entry.conversationId}\u0000${entry.eventKey}`;
      if (items.has(key)) return 'duplicate';
      items.set(key, structuredClone(entry));
      return 'stored';
    },
    listConversation: async (conversationId: string): Promise<TimelineEntry[]> =>
      [...items.values()]
        .filter((entry) => entry.conversationId === conversationId)
        .map((entry) => structuredClone(entry)),
  };
  return table;
};
