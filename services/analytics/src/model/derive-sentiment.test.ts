import { describe, expect, it } from '@jest/globals';
import Sentiment from 'sentiment';
import { deriveSentiment, labelOf, SENTIMENT_THRESHOLD } from './derive-sentiment';

describe('deriveSentiment', () => {
  it('labels a warm conversation positive', () => {
    expect(deriveSentiment('Thank you so much, this is great, I really appreciate your excellent help')).toEqual({
      label: 'positive',
      score: 0.9231,
    });
  });

  it('labels an angry conversation negative', () => {
    const result = deriveSentiment('My order has not arrived and I am really angry about this terrible service');

    expect(result.label).toBe('negative');
    expect(result.score).toBeLessThanOrEqual(-SENTIMENT_THRESHOLD);
  });

  it('labels a text without charged words neutral with a zero score', () => {
    expect(deriveSentiment('The account number is on the invoice')).toEqual({ label: 'neutral', score: 0 });
  });

  it('keeps a single mildly positive word in a long call neutral', () => {
    // AFINN +2 over 51 tokens: 0.039, under the threshold.
    const text = `${'the delivery address for the order is on the invoice '.repeat(5)}thanks`;

    expect(deriveSentiment(text).label).toBe('neutral');
  });

  it('is deterministic, so a re-published derived event has the same content', () => {
    const text = 'The refund was quick, thanks a lot\nYou are welcome';

    expect(deriveSentiment(text)).toEqual(deriveSentiment(text));
  });
});

describe('deriveSentiment against the sentiment package', () => {
  const analyser = new Sentiment();

  it.each([
    ['a warm call', 'Thank you so much, this is great, I really appreciate your excellent help'],
    ['negations', "I don't like this. It is not good, and I can't say it isn't bad"],
    ['punctuation and line breaks', 'Awful!!! Terrible... (really) — "worst" service?\nWell: fine; okay.'],
    ['upper case and repeated words', 'GREAT great Great, love LOVE love'],
    ['an empty text', ''],
    ['words no list scores', 'The parcel left the depot on Tuesday'],
  ])('scores %s as its analyze does, rounded to four decimals', (_, text) => {
    const { comparative } = analyser.analyze(text);

    expect(deriveSentiment(text).score).toBe(Math.round(comparative * 10_000) / 10_000);
  });
});

describe('labelOf', () => {
  it.each([
    [SENTIMENT_THRESHOLD, 'positive'],
    [SENTIMENT_THRESHOLD - 0.0001, 'neutral'],
    [0, 'neutral'],
    [-SENTIMENT_THRESHOLD + 0.0001, 'neutral'],
    [-SENTIMENT_THRESHOLD, 'negative'],
  ])('labels the comparative score %d %s', (score, label) => {
    expect(labelOf(score)).toBe(label);
  });
});
