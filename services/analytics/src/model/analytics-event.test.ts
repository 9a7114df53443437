import { describe, expect, it } from '@jest/globals';
import {
  asReceived,
  CONVERSATION_ID,
  detailNotification,
  gateway,
  iso,
  PARTNER_SOURCE,
  partnerEvent,
  publishedEvent,
  seedCallAnalysis,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { ANALYTICS_SOURCE, type AppBusEnvelope, toAnalyticsEvent, UnusableEventError } from './analytics-event';

const errorOf = (envelope: AppBusEnvelope): unknown => {
  try {
    toAnalyticsEvent(envelope);
  } catch (error) {
    return error;
  }
  throw new Error('expected toAnalyticsEvent to throw');
};

describe('toAnalyticsEvent', () => {
  it('keeps the identity, time, day, media type and direction of a conversation detail event', () => {
    const event = toAnalyticsEvent(partnerEvent(detailNotification('customer.start', T0)));

    expect(event).toEqual({
      conversationId: CONVERSATION_ID,
      eventKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
      eventTime: '2091-06-15T10:00:00.000Z',
      mediaType: 'VOICE',
      direction: 'INBOUND',
    });
  });

  it('reads talk and hold time from user.end and wrap-up from acw', () => {
    const userEnd = toAnalyticsEvent(
      partnerEvent(detailNotification('user.end', T0, { interactingDurationMs: 120_000, heldDurationMs: 15_000 })),
    );
    const acw = toAnalyticsEvent(partnerEvent(detailNotification('acw', T0, { wrapupDurationMs: 30_000 })));

    expect(userEnd).toMatchObject({ interactingDurationMs: 120_000, heldDurationMs: 15_000 });
    expect(acw).toMatchObject({ wrapupDurationMs: 30_000 });
  });

  it('ignores the customer side interacting time, which is not agent handle time', () => {
    const customerEnd = toAnalyticsEvent(
      partnerEvent(detailNotification('customer.end', T0, { interactingDurationMs: 200_000 })),
    );

    expect(customerEnd).not.toHaveProperty('interactingDurationMs');
  });

  it('ignores durations that are not non-negative numbers', () => {
    const userEnd = toAnalyticsEvent(
      partnerEvent(detailNotification('user.end', T0, { interactingDurationMs: '120000', heldDurationMs: -5 })),
    );

    expect(userEnd).not.toHaveProperty('interactingDurationMs');
    expect(userEnd).not.toHaveProperty('heldDurationMs');
  });

  it('keeps only the final utterances of a transcription event, with their channel and offset', () => {
    const notification = transcriptionNotification(T0 + 5000, [
      utterance('u-1', '  Hello, my parcel is late  ', 1200),
      utterance('u-2', 'Let me chec', 2500, { channel: 'INTERNAL', isFinal: false }),
      utterance('u-3', 'Let me check that for you', 2500, { channel: 'INTERNAL' }),
      utterance('u-4', '   ', 4000),
    ]);

    const event = toAnalyticsEvent(partnerEvent(notification));

    expect(event.eventTime).toBe(iso(T0 + 5000));
    expect(event.utterances).toEqual([
      { utteranceId: 'u-1', channel: 'EXTERNAL', text: 'Hello, my parcel is late', offsetMs: 1200 },
      { utteranceId: 'u-3', channel: 'INTERNAL', text: 'Let me check that for you', offsetMs: 2500 },
    ]);
    expect(event).not.toHaveProperty('sessionEnded');
  });

  it('marks a transcription event that ends the session', () => {
    const event = toAnalyticsEvent(partnerEvent(transcriptionNotification(T0, [], { status: 'SESSION_ENDED' })));

    expect(event.sessionEnded).toBe(true);
    expect(event).not.toHaveProperty('utterances');
  });

  it('stores a call analysis from a Genesys webhook as Genesys-sourced, label lower-cased, no score', () => {
    const event = toAnalyticsEvent(publishedEvent(seedCallAnalysis({ sentiment: ' Negative ' })));

    expect(event).toMatchObject({
      conversationId: CONVERSATION_ID,
      topic: 'call.analysis.completed',
      eventTime: iso(T0 + 1_800_000),
      analysis: { source: 'genesys', label: 'negative' },
    });
    expect(event.analysis).not.toHaveProperty('score');
  });

  it('stores a call analysis analytics published itself as derived, with its score', () => {
    const derived = asReceived({
      source: ANALYTICS_SOURCE,
      detailType: 'call.analysis.completed',
      detail: {
        topicName: 'call.analysis.completed',
        eventBody: { interactionId: CONVERSATION_ID, transcript: 'great', sentiment: 'positive', score: 0.6 },
        timestamp: iso(T0 + 90_000),
      },
    });

    expect(toAnalyticsEvent(derived)).toMatchObject({
      eventTime: iso(T0 + 90_000),
      analysis: { source: 'derived', label: 'positive', score: 0.6 },
    });
  });

  it('gives the same event the same key over the partner bus and over a webhook', () => {
    const notification = detailNotification('user.end', T0, { interactingDurationMs: 1000 });

    const viaPartner = toAnalyticsEvent(partnerEvent(notification));
    const viaWebhook = toAnalyticsEvent(publishedEvent(notification, gateway({ transport: 'eventbridge-api' })));

    expect(viaWebhook).toEqual(viaPartner);
  });

  it('falls back on the envelope time when the event carries none', () => {
    const notification = detailNotification('customer.start', T0);
    const { eventTime: _drop, ...body } = notification.eventBody as Record<string, unknown>;

    const event = toAnalyticsEvent({ ...partnerEvent({ ...notification, eventBody: body, timestamp: undefined }) });

    expect(event.eventTime).toBe(iso(T0 + 3_600_000));
  });

  it.each<[string, AppBusEnvelope, string]>([
    ['a detail that is not an app-bus detail', { 'detail-type': 'x', source: PARTNER_SOURCE, detail: 'x' }, 'is not'],
    [
      'a detail that names no conversation',
      {
        'detail-type': 'v2.users.{id}.presence',
        source: PARTNER_SOURCE,
        detail: { topicName: 'v2.users.u.presence', eventBody: {} },
      },
      'names no conversation',
    ],
    [
      'a transcription whose transcripts are not a list',
      partnerEvent({ ...transcriptionNotification(T0, []), eventBody: { conversationId: 'c', transcripts: 'no' } }),
      'wrong shape',
    ],
    [
      'an event without any time',
      {
        'detail-type': 'conversation:created',
        source: PARTNER_SOURCE,
        detail: { topicName: 'conversation:created', eventBody: { conversation: { id: 'c' } } },
      },
      'no usable time',
    ],
  ])('throws UnusableEventError for %s', (_, envelope, message) => {
    const error = errorOf(envelope);

    expect(error).toBeInstanceOf(UnusableEventError);
    expect((error as Error).message).toContain(message);
  });
});
