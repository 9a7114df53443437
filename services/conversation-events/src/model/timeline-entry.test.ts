import { describe, expect, it } from '@jest/globals';
import {
  CONVERSATION_ID,
  CORRELATION_ID,
  customerNotification,
  EVENT_TIME_MS,
  gateway,
  PARTNER_SOURCE,
  partnerEvent,
  presenceNotification,
  publishedEvent,
  seedConversationEvent,
} from '../test-support/app-bus-events';
import { type AppBusEnvelope, toTimelineEntry, UnusableEventError } from './timeline-entry';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

const errorOf = (envelope: AppBusEnvelope): unknown => {
  try {
    toTimelineEntry(envelope);
  } catch (error) {
    return error;
  }
  throw new Error('expected toTimelineEntry to throw');
};

describe('toTimelineEntry', () => {
  it('turns a seed conversation event into its timeline entry', () => {
    const seed = seedConversationEvent();

    const entry = toTimelineEntry(publishedEvent(seed, gateway({ receivedAt: '2025-03-14T09:26:54.001Z' })));

    expect(entry).toEqual({
      conversationId: CONVERSATION_ID,
      eventKey: expect.stringMatching(HEX_SHA256),
      topic: 'conversation:created',
      detailType: 'conversation:created',
      eventTime: '2025-03-14T09:26:53.589Z',
      transport: 'genesys-form',
      receivedAt: '2025-03-14T09:26:54.001Z',
      body: seed,
    });
  });

  it('uses the time the gateway received a seed event that carries no timestamp', () => {
    const seed = seedConversationEvent({ timestamp: undefined }, 'conversation:updated');

    const entry = toTimelineEntry(publishedEvent(seed, gateway({ receivedAt: '2025-03-14T10:00:00.250Z' })));

    expect(entry.eventTime).toBe('2025-03-14T10:00:00.250Z');
    expect(entry.topic).toBe('conversation:updated');
  });

  it('reads a Genesys notification detail with an epoch-millisecond eventTime', () => {
    const notification = customerNotification('start');

    const entry = toTimelineEntry(
      publishedEvent(notification, gateway({ transport: 'genesys-header', scheme: 'seed-header' })),
    );

    expect(entry).toMatchObject({
      conversationId: CONVERSATION_ID,
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
      detailType: 'v2.detail.events.conversation.{id}.customer.start',
      eventTime: '2025-03-14T09:26:53.589Z',
      transport: 'genesys-header',
      correlationId: CORRELATION_ID,
      body: notification.eventBody,
    });
  });

  it('reads a forwarded partner event without gateway as arriving over the partner bus', () => {
    const entry = toTimelineEntry(partnerEvent(customerNotification('start'), '2025-03-14T09:26:55Z'));

    expect(entry).toMatchObject({
      conversationId: CONVERSATION_ID,
      transport: 'eventbridge-partner',
      receivedAt: '2025-03-14T09:26:55.000Z',
      eventTime: '2025-03-14T09:26:53.589Z',
      correlationId: CORRELATION_ID,
    });
  });

  it('falls back on the envelope time for a partner event that carries no time of its own', () => {
    const notification = { ...customerNotification('start', { eventTime: undefined }), timestamp: undefined };

    const entry = toTimelineEntry(partnerEvent(JSON.parse(JSON.stringify(notification)), '2025-03-14T09:26:55Z'));

    expect(Date.parse(entry.eventTime)).toBe(Date.parse('2025-03-14T09:26:55Z'));
  });

  it('writes the envelope time it falls back on in the same ISO form as other event times', () => {
    const notification = { ...customerNotification('start', { eventTime: undefined }), timestamp: undefined };

    const entry = toTimelineEntry(partnerEvent(JSON.parse(JSON.stringify(notification)), '2025-03-14T09:26:55Z'));

    expect(entry.eventTime).toBe('2025-03-14T09:26:55.000Z');
  });

  it('leaves out the correlation id when the notification has none', () => {
    const notification = { ...customerNotification('start'), metadata: {} };

    const entry = toTimelineEntry(partnerEvent(notification));

    expect(entry).not.toHaveProperty('correlationId');
  });

  it('finds the conversation of a notification in its topic name when the body does not name it', () => {
    const notification = customerNotification('start', { conversationId: undefined });

    const entry = toTimelineEntry(partnerEvent(JSON.parse(JSON.stringify(notification))));

    expect(entry.conversationId).toBe(CONVERSATION_ID);
  });

  it.each<[string, unknown]>([
    ['a null detail', null],
    ['a detail without topicName', { eventBody: { conversationId: CONVERSATION_ID } }],
    ['a detail with an empty topicName', { topicName: '', eventBody: { conversationId: CONVERSATION_ID } }],
    ['a detail whose eventBody is an array', { topicName: 'conversation:created', eventBody: [CONVERSATION_ID] }],
    ['a detail that is a string', 'conversation:created'],
  ])('throws UnusableEventError for %s', (_, detail) => {
    const error = errorOf({ 'detail-type': 'conversation:created', source: PARTNER_SOURCE, detail });

    expect(error).toBeInstanceOf(UnusableEventError);
    expect((error as Error).message).toContain('is not an app-bus detail');
  });

  it('throws UnusableEventError for a detail that names no conversation', () => {
    const error = errorOf({ ...partnerEvent(presenceNotification()), 'detail-type': 'v2.users.{id}.presence' });

    expect(error).toBeInstanceOf(UnusableEventError);
    expect((error as Error).message).toBe('v2.users.{id}.presence names no conversation');
  });

  it('gives a seed event the same key whether it came as a form or with a header signature', () => {
    const seed = seedConversationEvent();

    const viaForm = toTimelineEntry(publishedEvent(seed, gateway()));
    const viaHeader = toTimelineEntry(
      publishedEvent(
        seed,
        gateway({ transport: 'genesys-header', scheme: 'seed-header', receivedAt: '2025-03-14T09:27:30.000Z' }),
      ),
    );

    expect(viaForm.transport).not.toBe(viaHeader.transport);
    expect(viaHeader.eventKey).toBe(viaForm.eventKey);
  });

  it('gives a notification the same key over the partner bus and over the webhook', () => {
    const notification = customerNotification('start');

    const fromPartnerBus = toTimelineEntry(partnerEvent(notification));
    const fromWebhook = toTimelineEntry(
      publishedEvent(notification, gateway({ transport: 'genesys-header', scheme: 'seed-header', deliveryId: 'd-1' })),
    );

    expect(fromPartnerBus.transport).toBe('eventbridge-partner');
    expect(fromWebhook.transport).toBe('genesys-header');
    expect(fromWebhook.eventKey).toBe(fromPartnerBus.eventKey);
  });

  it('gives the same key to the same body written with its keys in another order', () => {
    const notification = customerNotification('start');
    const body = notification.eventBody as Record<string, unknown>;
    const reordered = { ...notification, eventBody: Object.fromEntries(Object.entries(body).reverse()) };

    expect(toTimelineEntry(partnerEvent(reordered)).eventKey).toBe(
      toTimelineEntry(partnerEvent(notification)).eventKey,
    );
  });

  it('gives different events different keys', () => {
    const start = toTimelineEntry(partnerEvent(customerNotification('start')));
    const end = toTimelineEntry(partnerEvent(customerNotification('end')));
    const later = toTimelineEntry(partnerEvent(customerNotification('start', { eventTime: EVENT_TIME_MS + 1 })));

    expect(new Set([start.eventKey, end.eventKey, later.eventKey]).size).toBe(3);
  });
});
