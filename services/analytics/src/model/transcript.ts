import type { AnalyticsEvent } from './analytics-event';
import type { Utterance } from './event-facts';

/** One line of an assembled transcript, as served. */
export interface TranscriptLine {
  readonly channel: string;
  readonly text: string;
  readonly offsetMs: number;
}

/**
 * The transcript of a conversation from its stored events: every final utterance once (an utterance
 * repeated in another transcription event counts once), ordered by offset, each with its channel.
 * Pure and independent of arrival order.
 *
 * @example
 * ```ts
 * assembleTranscript(await table.listConversation(conversationId));
 * // [{ channel: 'EXTERNAL', text: 'Hello, my order is late', offsetMs: 1200 }, ...]
 * ```
 */
export const assembleTranscript = (events: readonly AnalyticsEvent[]): TranscriptLine[] => {
  const unique = new Map<string, Utterance>();
  // Earliest event first, so that when one utterance id carries two texts, every read keeps the same one.
  for (const event of [...events].sort(byTimeThenKey)) {
    for (const utterance of event.utterances ?? []) {
      const identity = identityOf(utterance);
      if (!unique.has(identity)) unique.set(identity, utterance);
    }
  }
  return [...unique.values()].sort(byOffset).map(({ channel, text, offsetMs }) => ({ channel, text, offsetMs }));
};

/**
 * The transcript as one text, a line per utterance: what sentiment is derived from and published.
 *
 * @example
 * ```ts
 * transcriptText([{ channel: 'EXTERNAL', text: 'Hi', offsetMs: 0 }, { channel: 'INTERNAL', text: 'Hello', offsetMs: 900 }]);
 * // 'Hi\nHello'
 * ```
 */
export const transcriptText = (lines: readonly TranscriptLine[]): string => lines.map((line) => line.text).join('\n');

const identityOf = (utterance: Utterance): string =>
  utterance.utteranceId === undefined
    ? JSON.stringify(['no-id', utterance.channel, utterance.offsetMs, utterance.text])
    : JSON.stringify(['id', utterance.utteranceId]);

const byTimeThenKey = (a: AnalyticsEvent, b: AnalyticsEvent): number =>
  compare(a.eventTime, b.eventTime) || compare(a.eventKey, b.eventKey);

// Offset first; channel and text only break ties, so that the order never depends on arrival.
const byOffset = (a: Utterance, b: Utterance): number =>
  a.offsetMs - b.offsetMs || compare(a.channel, b.channel) || compare(a.text, b.text);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
