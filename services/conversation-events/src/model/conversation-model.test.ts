import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_ID, PARTICIPANT_ID, timelineEntry, USER_ID } from '../test-support/app-bus-events';
import { conversationState, sortTimeline } from './conversation-state';
import type { TimelineEntry } from './timeline-entry';

const QUEUE_ID = '7a1c3e5f-2b4d-4f6a-8c0e-1d3f5a7b9c2e';
const SECOND_AGENT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const T0 = Date.parse('2026-04-07T14:00:00.000Z');

const detail = (suffix: string, offsetMs: number, body: Record<string, unknown> = {}): TimelineEntry =>
  timelineEntry({
    eventKey: `${suffix}-${offsetMs}`.padEnd(64, '0'),
    topic: `v2.detail.events.conversation.${CONVERSATION_ID}.${suffix}`,
    detailType: `v2.detail.events.conversation.{id}.${suffix}`,
    eventTime: new Date(T0 + offsetMs).toISOString(),
    receivedAt: new Date(T0 + offsetMs + 300).toISOString(),
    transport: 'eventbridge-partner',
    body: { conversationId: CONVERSATION_ID, mediaType: 'VOICE', direction: 'INBOUND', ...body },
  });

/** A voice call: IVR, queue, an agent who puts the caller on hold, a transfer to a second agent, wrap-up. */
const call = [
  detail('customer.start', 0, { participantId: PARTICIPANT_ID, ani: 'tel:+441632960123', dnis: 'tel:+441632960999' }),
  detail('flow.start', 1_000, { flowId: 'f-1', flowType: 'INBOUNDCALL' }),
  detail('flow.end', 20_000, { flowId: 'f-1', exitReason: 'TRANSFER' }),
  detail('acd.start', 20_500, { queueId: QUEUE_ID, routingPriority: 0 }),
  detail('acd.end', 45_000, { queueId: QUEUE_ID, acdOutcome: 'ANSWERED', answeredUserId: USER_ID }),
  detail('user.start', 45_500, { userId: USER_ID, participantId: 'p-agent-1' }),
  detail('user.end', 165_500, {
    userId: USER_ID,
    disconnectType: 'TRANSFER',
    interactingDurationMs: 100_000,
    heldDurationMs: 20_000,
  }),
  detail('user.start', 166_000, { userId: SECOND_AGENT, participantId: 'p-agent-2' }),
  detail('customer.end', 226_000, { disconnectType: 'CLIENT', interactingDurationMs: 225_000 }),
  detail('user.end', 226_000, { userId: SECOND_AGENT, disconnectType: 'PEER', interactingDurationMs: 60_000 }),
  detail('acw', 256_000, { userId: SECOND_AGENT, queueId: QUEUE_ID, wrapupCode: 'resolved', wrapupDurationMs: 30_000 }),
];

describe('the conversation model of a complete call', () => {
  const state = conversationState(sortTimeline(call));

  it('knows it ended, how, and when', () => {
    expect(state).toMatchObject({
      status: 'ended',
      mediaType: 'VOICE',
      direction: 'INBOUND',
      startTime: '2026-04-07T14:00:00.000Z',
      endTime: '2026-04-07T14:03:46.000Z',
      disconnectType: 'CLIENT',
      wrapupCode: 'resolved',
      eventCount: call.length,
    });
  });

  it('lists the customer, both agents with their user ids and the queue', () => {
    expect(state.participants).toEqual({
      customer: { participantId: PARTICIPANT_ID, ani: 'tel:+441632960123', dnis: 'tel:+441632960999' },
      agents: [
        {
          userId: USER_ID,
          participantId: 'p-agent-1',
          startTime: '2026-04-07T14:00:45.500Z',
          endTime: '2026-04-07T14:02:45.500Z',
          disconnectType: 'TRANSFER',
        },
        {
          userId: SECOND_AGENT,
          participantId: 'p-agent-2',
          startTime: '2026-04-07T14:02:46.000Z',
          endTime: '2026-04-07T14:03:46.000Z',
          disconnectType: 'PEER',
          wrapupCode: 'resolved',
        },
      ],
      queues: [
        {
          queueId: QUEUE_ID,
          enteredTime: '2026-04-07T14:00:20.500Z',
          leftTime: '2026-04-07T14:00:45.000Z',
          outcome: 'ANSWERED',
          answeredUserId: USER_ID,
        },
      ],
    });
  });

  it('adds up talk, hold and after-call work into the handle time', () => {
    expect(state.durations).toEqual({
      conversationMs: 226_000,
      talkMs: 160_000,
      holdMs: 20_000,
      acwMs: 30_000,
      handleMs: 210_000,
    });
  });

  it('is the same whatever order the events arrived in, the end before the start included', () => {
    const reversed = conversationState(sortTimeline([...call].reverse()));
    const endFirst = conversationState(
      sortTimeline([call[8], call[10], ...call.slice(0, 8), call[9]].filter((entry) => entry !== undefined)),
    );

    expect(reversed).toEqual(state);
    expect(endFirst).toEqual(state);
  });

  it('is still active, with no end time, until the customer leaves', () => {
    const ongoing = conversationState(sortTimeline(call.slice(0, 6)));

    expect(ongoing.status).toBe('active');
    expect(ongoing.endTime).toBeUndefined();
    expect(ongoing.durations.handleMs).toBeUndefined();
  });

  it('counts Open Messaging messages and calls the media MESSAGE when nothing else says', () => {
    const message = timelineEntry({
      eventKey: 'm'.repeat(64),
      topic: 'open-messaging.message',
      detailType: 'open-messaging.message',
      body: { id: 'msg-1', type: 'Text', direction: 'Outbound', conversationId: CONVERSATION_ID },
    });

    expect(conversationState([message])).toMatchObject({
      mediaType: 'MESSAGE',
      direction: 'OUTBOUND',
      messageCount: 1,
    });
  });
});
