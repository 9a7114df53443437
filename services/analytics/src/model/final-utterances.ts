// Without zod: the consumer hands over a transcription body its schema has checked, the sentiment deriver
// one it has only checked by hand, so every field is read by its type here.

/** One final utterance of a transcript. */
export interface Utterance {
  /** Genesys's id of the utterance; absent ids fall back to channel, offset and text for deduplication. */
  readonly utteranceId?: string;
  /** `EXTERNAL` (customer side), `INTERNAL` (agent side), or `UNKNOWN` when Genesys gave none. */
  readonly channel: string;
  readonly text: string;
  /** Offset from the start of the transcription session. */
  readonly offsetMs: number;
}

/** One entry of a transcription event's `transcripts`, as far as this module reads it. */
export interface TranscriptEntry {
  readonly utteranceId?: unknown;
  readonly isFinal?: unknown;
  readonly channel?: unknown;
  readonly alternatives?: unknown;
}

/**
 * The final utterances of a transcription event's `transcripts`, in their order: an entry that is not final,
 * or whose best alternative has no text or no offset, gives none.
 *
 * @example
 * ```ts
 * finalUtterances([{ utteranceId: 'u-1', isFinal: true, channel: 'EXTERNAL', alternatives: [{ transcript: ' Hi ', offsetMs: 900 }] }]);
 * // [{ utteranceId: 'u-1', channel: 'EXTERNAL', text: 'Hi', offsetMs: 900 }]
 * ```
 */
export const finalUtterances = (transcripts: readonly TranscriptEntry[]): Utterance[] =>
  transcripts.flatMap((entry) => {
    const utterance = finalUtteranceOf(entry);
    return utterance ? [utterance] : [];
  });

const finalUtteranceOf = (entry: TranscriptEntry): Utterance | undefined => {
  // Interim hypotheses are replaced by the final one; only finals belong in the transcript.
  if (entry.isFinal !== true) return undefined;
  // Genesys orders alternatives by confidence: the first is the one it stands by.
  const best = (Array.isArray(entry.alternatives) ? entry.alternatives[0] : undefined) as
    | { transcript?: unknown; offsetMs?: unknown }
    | undefined;
  const text = typeof best?.transcript === 'string' ? best.transcript.trim() : '';
  if (!text || typeof best?.offsetMs !== 'number') return undefined;
  return {
    ...(typeof entry.utteranceId === 'string' && entry.utteranceId ? { utteranceId: entry.utteranceId } : {}),
    channel: typeof entry.channel === 'string' ? entry.channel : 'UNKNOWN',
    text,
    offsetMs: best.offsetMs,
  };
};
