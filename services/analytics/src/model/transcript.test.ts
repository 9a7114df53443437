import { describe, expect, it } from '@jest/globals';
import { storedPartnerEvent, T0, transcriptionNotification, utterance } from '../test-support/app-bus-events';
import { assembleTranscript, transcriptText } from './transcript';

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, index) =>
        permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
      );

const first = storedPartnerEvent(
  transcriptionNotification(T0 + 10_000, [
    utterance('u-3', 'It was due on Monday', 9000),
    utterance('u-1', 'Hello, my parcel has not arrived', 1000),
  ]),
);
const second = storedPartnerEvent(
  transcriptionNotification(T0 + 5000, [
    utterance('u-2', 'I am sorry to hear that', 4000, { channel: 'INTERNAL' }),
    utterance('u-4', 'Let me look', 12_000, { channel: 'INTERNAL', isFinal: false }),
  ]),
);
// The same utterance again, in another transcription event (Genesys repeats utterances across events).
const repeat = storedPartnerEvent(
  transcriptionNotification(T0 + 20_000, [utterance('u-1', 'Hello, my parcel has not arrived', 1000)], {
    status: 'SESSION_ENDED',
  }),
);

const expected = [
  { channel: 'EXTERNAL', text: 'Hello, my parcel has not arrived', offsetMs: 1000 },
  { channel: 'INTERNAL', text: 'I am sorry to hear that', offsetMs: 4000 },
  { channel: 'EXTERNAL', text: 'It was due on Monday', offsetMs: 9000 },
];

describe('assembleTranscript', () => {
  it('orders final utterances by offset, keeps their channel and counts a repeated utterance once', () => {
    expect(assembleTranscript([first, second, repeat])).toEqual(expected);
  });

  it('gives the same transcript in every arrival order', () => {
    for (const order of permutations([first, second, repeat])) {
      expect(assembleTranscript(order)).toEqual(expected);
    }
  });

  it('keeps one of two texts for one utterance id, the same one whatever the order', () => {
    const corrected = storedPartnerEvent(
      transcriptionNotification(T0 + 30_000, [utterance('u-3', 'It was due on Tuesday', 9000)]),
    );

    const forwards = assembleTranscript([first, corrected]);
    const backwards = assembleTranscript([corrected, first]);

    expect(forwards).toEqual(backwards);
    expect(forwards.filter((line) => line.offsetMs === 9000)).toHaveLength(1);
  });

  it('tells utterances without an id apart by channel, offset and text', () => {
    const withoutId = (text: string, offsetMs: number, channel = 'EXTERNAL') => {
      const { utteranceId: _drop, ...rest } = utterance('x', text, offsetMs, { channel });
      return rest;
    };
    const one = storedPartnerEvent(transcriptionNotification(T0, [withoutId('Yes', 100), withoutId('Yes', 100)]));
    const other = storedPartnerEvent(
      transcriptionNotification(T0 + 1, [withoutId('Yes', 100, 'INTERNAL'), withoutId('Yes', 100)]),
    );

    expect(assembleTranscript([one, other])).toEqual([
      { channel: 'EXTERNAL', text: 'Yes', offsetMs: 100 },
      { channel: 'INTERNAL', text: 'Yes', offsetMs: 100 },
    ]);
  });

  it('answers an empty transcript for events without utterances', () => {
    expect(assembleTranscript([])).toEqual([]);
  });
});

describe('transcriptText', () => {
  it('puts one utterance per line, in transcript order', () => {
    expect(transcriptText(expected)).toBe(
      'Hello, my parcel has not arrived\nI am sorry to hear that\nIt was due on Monday',
    );
  });
});
