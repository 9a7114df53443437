import {
  type AppBusDetail,
  CALL_ANALYSIS_COMPLETED,
  callAnalysisCompletedSchema,
  conversationDetailPattern,
  conversationSummaryEventSchemas,
  parseTopicName,
  transcriptionEventSchemas,
} from '@genesys-events/core';
import { finalUtterances, type Utterance } from './final-utterances';

export type { Utterance } from './final-utterances';

/** A call analysis: from Genesys (`call.analysis.completed` from outside) or derived by analytics. */
export interface CallAnalysis {
  readonly source: 'genesys' | 'derived';
  /** Lower-cased sentiment label (`positive`, `neutral`, `negative`, ...); absent when none was given. */
  readonly label?: string;
  readonly score?: number;
}

/** Genesys's AI summary of a conversation (`v2.conversations.{id}.summaries`), the parts analytics serves. */
export interface GenesysSummary {
  readonly summary?: string;
  readonly headline?: string;
  readonly reason?: string;
  readonly resolution?: string;
  readonly followUpActions: readonly string[];
}

/** What analytics reads from an event's body; every field is optional. */
export interface EventFacts {
  readonly mediaType?: string;
  readonly direction?: string;
  /** From `user.end` events only: the agent's talk time. */
  readonly interactingDurationMs?: number;
  /** From `user.end` events only: the agent's hold time. */
  readonly heldDurationMs?: number;
  /** From `acw` events only: after-call work. */
  readonly wrapupDurationMs?: number;
  readonly utterances?: readonly Utterance[];
  /** Set on a transcription event that reports `SESSION_ENDED`. */
  readonly sessionEnded?: true;
  readonly analysis?: CallAnalysis;
  /** From a Genesys conversation summary that has one (not from a failed summary, which carries only an error). */
  readonly genesysSummary?: GenesysSummary;
}

const USER_END = conversationDetailPattern('user.end');
const ACW = conversationDetailPattern('acw');

/**
 * The facts of an event, by its topic; `undefined` when a body of a topic analytics reads has the wrong
 * shape. `publishedByAnalytics` marks a `call.analysis.completed` analytics published itself as derived.
 *
 * @example
 * ```ts
 * factsOf({ topicName: `v2.detail.events.conversation.${id}.acw`, eventBody: { wrapupDurationMs: 30000 } }, { publishedByAnalytics: false });
 * // { wrapupDurationMs: 30000 }
 * ```
 */
export const factsOf = (
  detail: Pick<AppBusDetail, 'topicName' | 'eventBody'>,
  { publishedByAnalytics }: { publishedByAnalytics: boolean },
): EventFacts | undefined => {
  const body = detail.eventBody;
  if (detail.topicName === CALL_ANALYSIS_COMPLETED) return analysisFacts(body, publishedByAnalytics);
  const { pattern, entry } = parseTopicName(detail.topicName);
  if (entry?.family === 'transcription') return transcriptionFacts(body);
  if (entry?.family === 'conversation-summary') return summaryFacts(body);
  return {
    ...stringFact(body, 'mediaType'),
    ...stringFact(body, 'direction'),
    ...(pattern === USER_END
      ? { ...durationFact(body, 'interactingDurationMs'), ...durationFact(body, 'heldDurationMs') }
      : {}),
    ...(pattern === ACW ? durationFact(body, 'wrapupDurationMs') : {}),
  };
};

const analysisFacts = (body: Record<string, unknown>, derived: boolean): EventFacts | undefined => {
  const parsed = callAnalysisCompletedSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const label = parsed.data.sentiment?.trim().toLowerCase();
  return {
    analysis: {
      source: derived ? 'derived' : 'genesys',
      ...(label ? { label } : {}),
      ...numberFact(body, 'score'),
    },
  };
};

// The lenient schema lets a channel or status Genesys added later through instead of parking the event.
const transcriptionFacts = (body: Record<string, unknown>): EventFacts | undefined => {
  const parsed = transcriptionEventSchemas.lenient.safeParse(body);
  if (!parsed.success) return undefined;
  const utterances = finalUtterances(parsed.data.transcripts ?? []);
  return {
    ...(utterances.length > 0 ? { utterances } : {}),
    ...(parsed.data.status?.status === 'SESSION_ENDED' ? { sessionEnded: true } : {}),
  };
};

// Lenient, like transcription: a value Genesys added later must not park the event.
const summaryFacts = (body: Record<string, unknown>): EventFacts | undefined => {
  const parsed = conversationSummaryEventSchemas.lenient.safeParse(body);
  if (!parsed.success) return undefined;
  const { summary, headline, reason, resolution, followupActions } = parsed.data;
  const texts = {
    summary: summary?.text,
    headline: headline?.text,
    reason: reason?.text,
    resolution: resolution?.text,
  };
  const present = Object.fromEntries(Object.entries(texts).filter(([, value]) => value));
  const followUpActions = (followupActions ?? []).flatMap((action) => (action.text ? [action.text] : []));
  if (Object.keys(present).length === 0 && followUpActions.length === 0) return {};
  return { genesysSummary: { ...present, followUpActions } };
};

const stringFact = <K extends string>(body: Record<string, unknown>, key: K): { [P in K]?: string } => {
  const value = body[key];
  return typeof value === 'string' && value.length > 0 ? ({ [key]: value } as { [P in K]?: string }) : {};
};

const numberFact = <K extends string>(body: Record<string, unknown>, key: K): { [P in K]?: number } => {
  const value = body[key];
  return typeof value === 'number' && Number.isFinite(value) ? ({ [key]: value } as { [P in K]?: number }) : {};
};

// A negative duration is a broken event, not time to subtract from a handle time.
const durationFact = <K extends string>(body: Record<string, unknown>, key: K): { [P in K]?: number } => {
  const fact = numberFact(body, key);
  return (fact[key] ?? 0) >= 0 ? fact : {};
};
