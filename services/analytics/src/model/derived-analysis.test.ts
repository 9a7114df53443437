import { CALL_ANALYSIS_COMPLETED, eventContentKey } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import {
  asReceived,
  CONVERSATION_ID,
  iso,
  storedPartnerEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { ANALYTICS_SOURCE, toAnalyticsEvent } from './analytics-event';
import { derivedAnalysisEvent } from './derived-analysis';

const ongoing = storedPartnerEvent(
  transcriptionNotification(T0 + 30_000, [
    utterance('u-2', 'That is wonderful, thank you', 6000),
    utterance('u-1', 'Your refund has been approved', 2000, { channel: 'INTERNAL' }),
  ]),
);
const ended = storedPartnerEvent(transcriptionNotification(T0 + 60_000, [], { status: 'SESSION_ENDED' }));

describe('derivedAnalysisEvent', () => {
  it('publishes the transcript, its derived sentiment and score as call.analysis.completed from analytics', () => {
    const event = derivedAnalysisEvent({
      conversationId: CONVERSATION_ID,
      events: [ongoing, ended],
      sessionEndedAt: ended.eventTime,
    });

    expect(event).toEqual({
      source: ANALYTICS_SOURCE,
      detailType: 'call.analysis.completed',
      detail: {
        topicName: 'call.analysis.completed',
        version: 'analytics-1',
        eventBody: {
          interactionId: CONVERSATION_ID,
          transcript: 'Your refund has been approved\nThat is wonderful, thank you',
          sentiment: 'positive',
          score: expect.any(Number),
          source: 'derived',
        },
        metadata: {},
        timestamp: iso(T0 + 60_000),
      },
    });
  });

  it('builds the same content from the same events, so a re-publish has the same content key', () => {
    const once = derivedAnalysisEvent({
      conversationId: CONVERSATION_ID,
      events: [ongoing, ended],
      sessionEndedAt: 'a',
    });
    const again = derivedAnalysisEvent({
      conversationId: CONVERSATION_ID,
      events: [ended, ongoing],
      sessionEndedAt: 'b',
    });

    expect(once && eventContentKey(once.detail)).toBe(again && eventContentKey(again.detail));
  });

  it('comes back through the bus as a derived analysis of the conversation, at the session end', () => {
    const event = derivedAnalysisEvent({
      conversationId: CONVERSATION_ID,
      events: [ongoing, ended],
      sessionEndedAt: ended.eventTime,
    });
    if (!event) throw new Error('expected a derived event');

    expect(toAnalyticsEvent(asReceived(event))).toMatchObject({
      conversationId: CONVERSATION_ID,
      eventTime: iso(T0 + 60_000),
      analysis: { source: 'derived', label: 'positive' },
    });
  });

  it('publishes under core’s call.analysis.completed, as detail-type and topic name', () => {
    const event = derivedAnalysisEvent({ conversationId: CONVERSATION_ID, events: [ongoing], sessionEndedAt: 'a' });

    expect([event?.detailType, event?.detail.topicName]).toEqual([CALL_ANALYSIS_COMPLETED, CALL_ANALYSIS_COMPLETED]);
  });

  it('publishes nothing for a conversation without final utterances', () => {
    expect(
      derivedAnalysisEvent({ conversationId: CONVERSATION_ID, events: [ended], sessionEndedAt: ended.eventTime }),
    ).toBeUndefined();
  });
});
