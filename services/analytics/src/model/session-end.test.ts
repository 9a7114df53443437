import { describe, expect, it } from '@jest/globals';
import {
  CONVERSATION_ID,
  gateway,
  partnerEvent,
  publishedEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { type AppBusEnvelope, toAnalyticsEvent } from './analytics-event';
import { readSessionEnd, UnreadableSessionEndError, withSessionEnd } from './session-end';

const ended = (transcripts: Record<string, unknown>[] = [], eventBody: Record<string, unknown> = {}) => {
  const notification = transcriptionNotification(T0, transcripts, { status: 'SESSION_ENDED' });
  return { ...notification, eventBody: { ...(notification.eventBody as object), ...eventBody } };
};

const said = [
  utterance('u-2', '  That is all, thanks  ', 9000),
  utterance('u-3', 'Thanks a', 9500, { isFinal: false }),
  { ...utterance('u-4', 'Without a channel', 9900), channel: undefined },
  { utteranceId: 'u-5', isFinal: true, alternatives: [] },
];

const reasonOf = (envelope: AppBusEnvelope): unknown => {
  try {
    readSessionEnd(envelope);
  } catch (error) {
    return error instanceof UnreadableSessionEndError ? error.reason : error;
  }
  throw new Error('expected readSessionEnd to throw');
};

describe('readSessionEnd', () => {
  it.each([
    ['forwarded from the partner bus', partnerEvent(ended(said))],
    ['published by ingest', publishedEvent(ended(said), gateway({ transport: 'eventbridge-api', scheme: 'api-key' }))],
    ['with a time that has an offset', partnerEvent(ended(said, { eventTime: '2091-06-15T12:00:00.5+02:00' }))],
    ['with a body time without a zone', partnerEvent(ended(said, { eventTime: '2091-06-15T10:00:00' }))],
    ['with no body time', publishedEvent(ended(said, { eventTime: undefined }))],
    ['naming its conversation only in the topic', partnerEvent(ended(said, { conversationId: undefined }))],
  ])('reads a session end %s exactly as the consumer stores it', (_, envelope) => {
    expect(readSessionEnd(envelope)).toEqual(toAnalyticsEvent(envelope));
  });

  it.each([
    ['an ongoing session', partnerEvent(transcriptionNotification(T0, said))],
    ['another topic', { ...partnerEvent(ended()), detail: { ...ended(), topicName: 'call.analysis.completed' } }],
    ['a detail that is no object', { ...partnerEvent(ended()), detail: 'SESSION_ENDED' }],
    ['a status that is no object', partnerEvent(ended([], { status: 'SESSION_ENDED' }))],
  ])('answers undefined for %s', (_, envelope) => {
    expect(readSessionEnd(envelope)).toBeUndefined();
  });

  it('throws no_conversation when neither the body nor the topic names one', () => {
    const detail = { ...ended([], { conversationId: '' }), topicName: 'v2.conversations.{id}.transcription' };

    expect(reasonOf({ ...partnerEvent(ended()), detail })).toBe('no_conversation');
  });

  it('throws no_event_time when no time is usable', () => {
    const envelope = { ...partnerEvent(ended([], { eventTime: 'soon' })), time: '10000-01-01T00:00:00Z' };

    expect(reasonOf(envelope)).toBe('no_event_time');
  });

  it('throws invalid_transcripts when the transcripts are not a list of objects', () => {
    expect(reasonOf(partnerEvent(ended([], { transcripts: 'hello' })))).toBe('invalid_transcripts');
    expect(reasonOf(partnerEvent(ended([], { transcripts: ['hello'] })))).toBe('invalid_transcripts');
  });
});

describe('withSessionEnd', () => {
  const sessionEnd = toAnalyticsEvent(partnerEvent(ended(said)));
  const other = toAnalyticsEvent(partnerEvent(transcriptionNotification(T0 - 1000, [utterance('u-1', 'Hi', 10)])));

  it('adds the session end when the consumer has not stored it yet', () => {
    expect(withSessionEnd([other], sessionEnd)).toEqual([other, sessionEnd]);
  });

  it('keeps one copy of a session end the consumer has stored', () => {
    expect(withSessionEnd([sessionEnd, other], structuredClone(sessionEnd))).toEqual([other, sessionEnd]);
  });

  it('leaves the conversation of the stored events alone', () => {
    expect(withSessionEnd([], sessionEnd)).toEqual([expect.objectContaining({ conversationId: CONVERSATION_ID })]);
  });
});
