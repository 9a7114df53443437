import { describe, expect, it } from '@jest/globals';
import { finalUtterances } from './final-utterances';

const final = (alternative: unknown, entry: Record<string, unknown> = {}) => ({
  utteranceId: 'u-1',
  isFinal: true,
  channel: 'EXTERNAL',
  alternatives: [alternative],
  ...entry,
});

describe('finalUtterances', () => {
  it('keeps the trimmed text and offset of the first alternative of each final entry, in order', () => {
    const transcripts = [
      final({ transcript: ' Hello ', offsetMs: 900 }),
      final({ transcript: 'Hi there', offsetMs: 100 }, { utteranceId: 'u-0', channel: 'INTERNAL' }),
    ];

    expect(finalUtterances(transcripts)).toEqual([
      { utteranceId: 'u-1', channel: 'EXTERNAL', text: 'Hello', offsetMs: 900 },
      { utteranceId: 'u-0', channel: 'INTERNAL', text: 'Hi there', offsetMs: 100 },
    ]);
  });

  it('falls back to UNKNOWN for a channel and to no id when they are not non-empty strings', () => {
    const transcripts = [final({ transcript: 'Hello', offsetMs: 0 }, { utteranceId: '', channel: 7 })];

    expect(finalUtterances(transcripts)).toEqual([{ channel: 'UNKNOWN', text: 'Hello', offsetMs: 0 }]);
  });

  it.each([
    ['an interim hypothesis', final({ transcript: 'Hel', offsetMs: 0 }, { isFinal: false })],
    ['a final flag that is not true', final({ transcript: 'Hello', offsetMs: 0 }, { isFinal: 'true' })],
    ['no alternatives', final({}, { alternatives: undefined })],
    ['alternatives that are not a list', final({}, { alternatives: { transcript: 'Hello', offsetMs: 0 } })],
    ['a null alternative', final(null)],
    ['blank text', final({ transcript: '   ', offsetMs: 0 })],
    ['text that is not a string', final({ transcript: 42, offsetMs: 0 })],
    ['an offset that is not a number', final({ transcript: 'Hello', offsetMs: '900' })],
  ])('gives no utterance for %s', (_, entry) => {
    expect(finalUtterances([entry])).toEqual([]);
  });
});
