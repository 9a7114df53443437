// Types for the parts of the `sentiment` package the deriver imports one by one (@types/sentiment types
// only its entry point, which the deriver leaves out: see model/derive-sentiment.ts).

declare module 'sentiment/languages/en/index.js' {
  /** AFINN-165 English: a score per word, and the rule that a negator before a word flips its score. */
  const english: {
    readonly labels: Readonly<Record<string, number>>;
    readonly scoringStrategy: { apply: (tokens: string[], cursor: number, tokenScore: number) => number };
  };
  export default english;
}

declare module 'sentiment/lib/tokenize.js' {
  /** Lower-cases, strips punctuation and splits on spaces. */
  export default function tokenize(input: string): string[];
}
