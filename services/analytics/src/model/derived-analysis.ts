import type { AppBusEvent } from '@genesys-events/core';
import { CALL_ANALYSIS_COMPLETED } from '@genesys-events/core/identity';
import type { AnalyticsEvent } from './analytics-event';
import { ANALYTICS_SOURCE } from './analytics-source';
import { deriveSentiment } from './derive-sentiment';
import { assembleTranscript, transcriptText } from './transcript';

/**
 * What became of a sentiment derivation: `published`, `not-needed` (a labelled analysis is stored),
 * `no-transcript` (nothing to judge), `conversation-erased` (nothing may be derived from it) or
 * `not-a-session-end` (the event ends no transcription session; the deriver's rule delivers no such
 * event, so it only comes from a direct invocation).
 */
export type DerivationOutcome =
  | 'published'
  | 'not-needed'
  | 'no-transcript'
  | 'conversation-erased'
  | 'not-a-session-end';

/** Marks the detail format of the events analytics publishes. */
const DERIVED_VERSION = 'analytics-1';

/**
 * The `call.analysis.completed` event analytics publishes for a conversation whose transcription session
 * ended without a Genesys label, or `undefined` when the transcript is empty (nothing to judge). Its body
 * depends only on the stored events, so publishing it again after a crash or a redelivery yields the same
 * content key, and the consumer stores it once. `timestamp` is the session end, so the analysis sits at
 * the conversation's time, not at the time it was computed.
 *
 * @example
 * ```ts
 * derivedAnalysisEvent({ conversationId, events, sessionEndedAt: '2091-06-15T10:20:00.000Z' });
 * // { source: 'genesys-events.analytics', detailType: 'call.analysis.completed', detail: { topicName: 'call.analysis.completed',
 * //   eventBody: { interactionId, transcript, sentiment: 'positive', score: 0.4615, source: 'derived' }, ... } }
 * ```
 */
export const derivedAnalysisEvent = ({
  conversationId,
  events,
  sessionEndedAt,
}: {
  conversationId: string;
  events: readonly AnalyticsEvent[];
  sessionEndedAt: string;
}): AppBusEvent | undefined => {
  const transcript = transcriptText(assembleTranscript(events));
  if (transcript.length === 0) return undefined;
  const { label, score } = deriveSentiment(transcript);
  return {
    source: ANALYTICS_SOURCE,
    detailType: CALL_ANALYSIS_COMPLETED,
    detail: {
      topicName: CALL_ANALYSIS_COMPLETED,
      version: DERIVED_VERSION,
      eventBody: { interactionId: conversationId, transcript, sentiment: label, score, source: 'derived' },
      metadata: {},
      timestamp: sessionEndedAt,
    },
  };
};
