import { describe, expect, it } from '@jest/globals';
import {
  CONVERSATION_ID,
  customerNotification,
  gateway,
  partnerEvent,
  publishedEvent,
  seedConversationEvent,
  timelineEntry,
} from '../test-support/app-bus-events';
import { conversationState, sortTimeline } from './conversation-state';
import { type TimelineEntry, toTimelineEntry } from './timeline-entry';

const permutations = <T>(items: readonly T[]): T[][] => {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
};

const created = timelineEntry({
  eventKey: '1'.repeat(64),
  topic: 'conversation:created',
  eventTime: '2025-03-14T09:26:53.589Z',
  body: { eventType: 'conversation:created', conversation: { id: CONVERSATION_ID, type: 'call' } },
});
const customerStart = timelineEntry({
  eventKey: '2'.repeat(64),
  topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
  detailType: 'v2.detail.events.conversation.{id}.customer.start',
  eventTime: '2025-03-14T09:26:53.600Z',
  transport: 'eventbridge-partner',
  body: { conversationId: CONVERSATION_ID, mediaType: 'VOICE', direction: 'INBOUND' },
});
const updated = timelineEntry({
  eventKey: '3'.repeat(64),
  topic: 'conversation:updated',
  eventTime: '2025-03-14T09:27:10.000Z',
  body: { eventType: 'conversation:updated', conversation: { id: CONVERSATION_ID, type: 'callback' } },
});
const customerEnd = timelineEntry({
  eventKey: '4'.repeat(64),
  topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.end`,
  detailType: 'v2.detail.events.conversation.{id}.customer.end',
  eventTime: '2025-03-14T09:31:00.000Z',
  transport: 'eventbridge-partner',
  body: { conversationId: CONVERSATION_ID, mediaType: 'VOICE', direction: 'INBOUND', disconnectType: 'CLIENT' },
});

describe('sortTimeline', () => {
  it('orders entries by event time', () => {
    const sorted = sortTimeline([customerEnd, updated, created, customerStart]);

    expect(sorted.map((entry) => entry.eventKey)).toEqual([
      created.eventKey,
      customerStart.eventKey,
      updated.eventKey,
      customerEnd.eventKey,
    ]);
  });

  it('breaks event time ties by arrival time, then by event key', () => {
    const sameTime = '2025-03-14T09:28:00.000Z';
    const arrivedLater = timelineEntry({
      eventKey: '0'.repeat(64),
      eventTime: sameTime,
      receivedAt: '2025-03-14T09:28:02.000Z',
    });
    const keyB = timelineEntry({
      eventKey: 'b'.repeat(64),
      eventTime: sameTime,
      receivedAt: '2025-03-14T09:28:01.000Z',
    });
    const keyA = timelineEntry({
      eventKey: 'a'.repeat(64),
      eventTime: sameTime,
      receivedAt: '2025-03-14T09:28:01.000Z',
    });

    const sorted = sortTimeline([arrivedLater, keyB, keyA]);

    expect(sorted).toEqual([keyA, keyB, arrivedLater]);
  });

  it('does not reorder the array it was given', () => {
    const input = [customerEnd, created];

    sortTimeline(input);

    expect(input).toEqual([customerEnd, created]);
  });
});

describe('conversationState', () => {
  it('describes an ended conversation from its events', () => {
    const state = conversationState(sortTimeline([created, customerStart, updated, customerEnd]));

    expect(state).toMatchObject({
      status: 'ended',
      mediaType: 'VOICE',
      type: 'callback',
      direction: 'INBOUND',
      firstEventTime: '2025-03-14T09:26:53.589Z',
      lastEventTime: '2025-03-14T09:31:00.000Z',
      eventCount: 4,
    });
  });

  it('keeps a conversation active until its customer has ended', () => {
    const agentEnd = timelineEntry({
      eventKey: '5'.repeat(64),
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.agent.end`,
      eventTime: '2025-03-14T09:30:00.000Z',
    });

    const state = conversationState(sortTimeline([created, customerStart, agentEnd]));

    expect(state.status).toBe('active');
    expect(state.lastEventTime).toBe('2025-03-14T09:30:00.000Z');
  });

  it('leaves out what no event tells', () => {
    const state = conversationState([timelineEntry({ body: { eventType: 'conversation:created' } })]);

    expect(state).toMatchObject({
      status: 'active',
      firstEventTime: '2025-03-14T09:26:53.589Z',
      lastEventTime: '2025-03-14T09:26:53.589Z',
      eventCount: 1,
    });
  });

  it('takes the latest media type but the direction the conversation started with', () => {
    const chat = timelineEntry({
      eventKey: '6'.repeat(64),
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.user.start`,
      eventTime: '2025-03-14T09:40:00.000Z',
      body: { mediaType: 'CHAT', direction: 'OUTBOUND' },
    });

    const state = conversationState(sortTimeline([chat, customerStart]));

    expect(state).toMatchObject({ mediaType: 'CHAT', direction: 'INBOUND' });
  });

  it('throws for an empty timeline', () => {
    expect(() => conversationState([])).toThrow('a conversation has at least one event');
  });

  it('gives the same state and order for every arrival order of the same events', () => {
    const sameTimeVoice = timelineEntry({
      eventKey: 'e'.repeat(64),
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
      eventTime: '2025-03-14T09:31:00.000Z',
      receivedAt: '2025-03-14T09:31:01.000Z',
      body: { mediaType: 'VOICE', direction: 'INBOUND' },
    });
    const sameTimeChat = timelineEntry({
      eventKey: 'd'.repeat(64),
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
      eventTime: '2025-03-14T09:31:00.000Z',
      receivedAt: '2025-03-14T09:31:01.000Z',
      body: { mediaType: 'CHAT', direction: 'OUTBOUND' },
    });
    const events: TimelineEntry[] = [created, customerStart, updated, customerEnd, sameTimeVoice, sameTimeChat];
    const expectedOrder = sortTimeline(events).map((entry) => entry.eventKey);
    const expectedState = conversationState(sortTimeline(events));

    const orders = permutations(events);

    expect(orders).toHaveLength(720);
    for (const arrival of orders) {
      const timeline = sortTimeline(arrival);
      expect(timeline.map((entry) => entry.eventKey)).toEqual(expectedOrder);
      expect(conversationState(timeline)).toEqual(expectedState);
    }
    expect(expectedState).toMatchObject({ status: 'ended', mediaType: 'VOICE', direction: 'INBOUND', eventCount: 6 });
  });

  it('folds entries built from real app-bus events in any arrival order', () => {
    const entries = [
      toTimelineEntry(publishedEvent(seedConversationEvent(), gateway())),
      toTimelineEntry(partnerEvent(customerNotification('start'))),
      toTimelineEntry(partnerEvent(customerNotification('end', { eventTime: 1741944700000 }))),
    ];

    const states = permutations(entries).map((arrival) => conversationState(sortTimeline(arrival)));

    for (const state of states) {
      expect(state).toMatchObject({
        status: 'ended',
        mediaType: 'VOICE',
        type: 'call',
        direction: 'INBOUND',
        firstEventTime: '2025-03-14T09:26:53.589Z',
        lastEventTime: '2025-03-14T09:31:40.000Z',
        eventCount: 3,
      });
    }
  });
});
