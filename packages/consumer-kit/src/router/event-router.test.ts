import { UnusableEventError } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { eventRouter } from './event-router';

const CONVERSATION_ID = '0b9f3c1e-7d2a-4c55-9e61-2f8a4b6c0d13';
const CUSTOMER_END = 'v2.detail.events.conversation.{id}.customer.end';

const customerEnd = (eventBody: Record<string, unknown> = {}) => ({
  id: 'event-1',
  'detail-type': CUSTOMER_END,
  source: 'aws.partner/genesys.com/cloud/org/suffix',
  time: '2091-06-15T10:00:00Z',
  detail: {
    topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.end`,
    version: '2',
    eventBody: {
      eventTime: Date.parse('2091-06-15T10:00:00Z'),
      conversationId: CONVERSATION_ID,
      participantId: 'p-1',
      sessionId: 's-1',
      mediaType: 'VOICE',
      direction: 'INBOUND',
      disconnectType: 'PEER',
      ...eventBody,
    },
  },
});

describe('eventRouter', () => {
  it('hands the route core’s validated event, typed by its pattern, with its ids and content key', async () => {
    const seen: unknown[] = [];
    const router = eventRouter<{ tag: string }>().on(CUSTOMER_END, (event, tools) => {
      seen.push({ disconnectType: event.eventBody.disconnectType, tools });
      return 'done';
    });

    const outcome = await router.route(customerEnd(), { tag: 't' });

    expect(outcome).toEqual({ pattern: CUSTOMER_END, result: 'done' });
    expect(seen).toEqual([{ disconnectType: 'PEER', tools: { tag: 't' } }]);
  });

  it('gives the handler the conversation, the content key, the ISO event time and the transport', async () => {
    let routed: Record<string, unknown> = {};
    const router = eventRouter<undefined>().on(CUSTOMER_END, (event) => {
      routed = { ...event };
    });

    await router.route(customerEnd(), undefined);

    expect(routed).toMatchObject({
      pattern: CUSTOMER_END,
      conversationId: CONVERSATION_ID,
      eventKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      eventTime: '2091-06-15T10:00:00.000Z',
      transport: 'eventbridge-partner',
      ids: { conversationId: CONVERSATION_ID },
    });
  });

  it('throws UnusableEventError for a pattern without a route and for a body its schema refuses', async () => {
    const router = eventRouter<undefined>().on('v2.detail.events.conversation.{id}.customer.start', () => 'x');
    const strict = eventRouter<undefined>().on(CUSTOMER_END, () => 'x');

    await expect(router.route(customerEnd(), undefined)).rejects.toBeInstanceOf(UnusableEventError);
    await expect(strict.route(customerEnd({ mediaType: 42 }), undefined)).rejects.toBeInstanceOf(UnusableEventError);
  });

  it('refuses a second route for one pattern', () => {
    const router = eventRouter<undefined>().on(CUSTOMER_END, () => 'x');

    expect(() => router.on(CUSTOMER_END, () => 'y')).toThrow('has a route already');
    expect(router.patterns()).toEqual([CUSTOMER_END]);
  });
});
