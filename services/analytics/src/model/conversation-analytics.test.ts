import { describe, expect, it } from '@jest/globals';
import {
  CONVERSATION_ID,
  detailNotification,
  publishedEvent,
  seedCallAnalysis,
  storedPartnerEvent,
  summaryNotification,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { toAnalyticsEvent } from './analytics-event';
import { conversationAnalytics } from './conversation-analytics';

const events = [
  storedPartnerEvent(
    detailNotification('user.end', T0 + 200_000, { interactingDurationMs: 100_000, heldDurationMs: 0 }),
  ),
  storedPartnerEvent(transcriptionNotification(T0 + 60_000, [utterance('u-1', 'My card was declined', 800)])),
  storedPartnerEvent(detailNotification('customer.start', T0, { direction: 'OUTBOUND', mediaType: 'CALLBACK' })),
  storedPartnerEvent(detailNotification('acw', T0 + 230_000, { wrapupDurationMs: 20_000, direction: 'INBOUND' })),
  toAnalyticsEvent(publishedEvent(seedCallAnalysis({ sentiment: 'negative' }))),
];

describe('conversationAnalytics', () => {
  it('answers the transcript, the sentiment and the handle time', () => {
    expect(conversationAnalytics(CONVERSATION_ID, events)).toEqual({
      conversationId: CONVERSATION_ID,
      transcript: [{ channel: 'EXTERNAL', text: 'My card was declined', offsetMs: 800 }],
      sentiment: { label: 'negative', score: null, source: 'genesys' },
      handleTimeMs: 120_000,
      summary: null,
    });
  });

  it('answers an empty transcript and null figures for a conversation with only a start', () => {
    const start = storedPartnerEvent(detailNotification('customer.start', T0));

    expect(conversationAnalytics(CONVERSATION_ID, [start])).toEqual({
      conversationId: CONVERSATION_ID,
      transcript: [],
      sentiment: null,
      handleTimeMs: null,
      summary: null,
    });
  });

  it("serves Genesys's latest summary: summary, headline, reason, resolution and follow-up actions", () => {
    const summaries = [
      storedPartnerEvent(summaryNotification(T0 + 400_000, { summary: { text: 'A later summary.' } })),
      storedPartnerEvent(summaryNotification(T0 + 300_000)),
      storedPartnerEvent(
        summaryNotification(T0 + 500_000, {
          summary: undefined,
          headline: undefined,
          reason: undefined,
          resolution: undefined,
          followupActions: [],
          errorType: 'CONVERSATION_TOO_SHORT',
        }),
      ),
    ];

    expect(conversationAnalytics(CONVERSATION_ID, [...events, ...summaries]).summary).toEqual({
      summary: 'A later summary.',
      headline: 'Late parcel replaced',
      reason: 'Parcel not delivered',
      resolution: 'Replacement sent',
      followUpActions: ['Confirm delivery tomorrow'],
      source: 'genesys',
    });
  });
});
