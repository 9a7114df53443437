import { describe, expect, it } from '@jest/globals';
import { type ConsumedEvent, consumedEventOf, UnusableEventError } from './consumed-event';

const CONVERSATION_ID = '0c9b8a7f-6e5d-4c4b-9a3f-2e1d0c9b8a7f';
const detail = (overrides: Record<string, unknown> = {}) => ({
  topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
  version: '2',
  eventBody: { conversationId: CONVERSATION_ID, eventTime: Date.parse('2026-03-03T08:00:00.250Z') },
  metadata: { CorrelationId: 'c-1' },
  ...overrides,
});
const envelope = (eventDetail: unknown, time = '2026-03-03T08:00:02Z') => ({
  'detail-type': 'v2.detail.events.conversation.{id}.customer.start',
  source: 'aws.partner/genesys.com/cloud/x/y',
  time,
  detail: eventDetail,
});

const errorOf = (run: () => ConsumedEvent): UnusableEventError => {
  try {
    run();
  } catch (error) {
    if (error instanceof UnusableEventError) return error;
    throw error;
  }
  throw new Error('expected the event to be unusable');
};

describe('consumedEventOf', () => {
  it('reads a forwarded partner event: epoch-ms event time, envelope time as receipt, partner transport', () => {
    expect(consumedEventOf(envelope(detail()))).toMatchObject({
      conversationId: CONVERSATION_ID,
      eventTime: '2026-03-03T08:00:00.250Z',
      receivedAt: '2026-03-03T08:00:02.000Z',
      transport: 'eventbridge-partner',
      eventKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('takes receipt time and transport from the gateway of a webhook event', () => {
    const gateway = { transport: 'genesys-header', scheme: 'seed-header', receivedAt: '2026-03-03T08:00:01.5Z' };

    expect(consumedEventOf(envelope(detail({ gateway })))).toMatchObject({
      receivedAt: '2026-03-03T08:00:01.500Z',
      transport: 'genesys-header',
    });
  });

  it('gives the same key to the same content however it arrived', () => {
    const viaPartner = consumedEventOf(envelope(detail()));
    const viaWebhook = consumedEventOf(
      envelope(
        detail({ gateway: { transport: 'eventbridge-api', scheme: 'api-key', receivedAt: '2026-03-03T09:00:00Z' } }),
      ),
    );

    expect(viaWebhook.eventKey).toBe(viaPartner.eventKey);
  });

  it.each([
    ['a detail that is not an app-bus detail', envelope({ hello: 'world' }), 'invalid_detail'],
    [
      'a detail that names no conversation',
      envelope(detail({ topicName: 'v2.users.u-1.presence', eventBody: {} })),
      'no_conversation',
    ],
    [
      'an event with no usable time anywhere',
      envelope(detail({ eventBody: { conversationId: CONVERSATION_ID } }), 'not a time'),
      'no_event_time',
    ],
  ])('refuses %s', (_, event, reason) => {
    expect(errorOf(() => consumedEventOf(event)).reason).toBe(reason);
  });
});
