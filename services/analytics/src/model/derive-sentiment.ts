import english from 'sentiment/languages/en/index.js';
import tokenize from 'sentiment/lib/tokenize.js';
import type { SentimentLabel } from './sentiment';

// Kept apart from sentiment.ts so that only the deriver bundles the AFINN word list; the readers do not.
// The `sentiment` package's English labels, negation rule and tokeniser, scored as its `analyze` scores
// them, but not through its entry point: that merges in emoji scores, 10 KB of the deriver's bundle, and a
// transcript of speech has no emoji. A test keeps the scores equal to `analyze`'s.

/**
 * Where a comparative score turns from neutral into positive (`>= +0.05`) or negative (`<= -0.05`).
 * The comparative score is the AFINN sum per token, so 0.05 is a net of one mildly charged word
 * (AFINN ±2) per 40 words: a long call with a single "thanks" in it stays neutral, a call where the
 * customer keeps saying "great" or "angry" does not.
 *
 * @example
 * ```ts
 * labelOf(0.05); // 'positive'
 * ```
 */
export const SENTIMENT_THRESHOLD = 0.05;

/**
 * The label of a comparative score, by {@link SENTIMENT_THRESHOLD}.
 *
 * @example
 * ```ts
 * labelOf(-0.3); // 'negative'
 * ```
 */
export const labelOf = (comparative: number): SentimentLabel =>
  comparative >= SENTIMENT_THRESHOLD ? 'positive' : comparative <= -SENTIMENT_THRESHOLD ? 'negative' : 'neutral';

/**
 * Sentiment of a text with the `sentiment` package (AFINN-165, English): its comparative score,
 * rounded to four decimals so that the published event is short and stable, and the label of that score.
 *
 * @example
 * ```ts
 * deriveSentiment('Thank you, that was great'); // { label: 'positive', score: 1 }
 * ```
 */
export const deriveSentiment = (text: string): { label: SentimentLabel; score: number } => {
  const score = Math.round(comparativeOf(text) * 10_000) / 10_000;
  return { label: labelOf(score), score };
};

// The AFINN sum per token, each word scored in the context of the word before it (negation).
const comparativeOf = (text: string): number => {
  const tokens = tokenize(text);
  let sum = 0;
  for (const [cursor, token] of tokens.entries()) {
    const score = Object.hasOwn(english.labels, token) ? english.labels[token] : undefined;
    if (score !== undefined) sum += english.scoringStrategy.apply(tokens, cursor, score);
  }
  return tokens.length > 0 ? sum / tokens.length : 0;
};
