import { CALL_ANALYSIS_COMPLETED, parseTopicName } from '@genesys-events/core';

/** The facts of an event body the lake keeps in typed columns (names as the columns have them). */
export interface RowFacts {
  readonly participant_id: string | null;
  readonly user_id: string | null;
  readonly queue_id: string | null;
  readonly media_type: string | null;
  readonly direction: string | null;
  readonly interacting_duration_ms: number | null;
  readonly held_duration_ms: number | null;
  readonly wrapup_duration_ms: number | null;
  readonly wrapup_code: string | null;
  readonly sentiment_label: string | null;
  readonly sentiment_score: number | null;
  readonly sentiment_source: 'genesys' | 'derived' | null;
  readonly summary_text: string | null;
  readonly summary_reason: string | null;
  readonly summary_resolution: string | null;
}

const USER_END = 'v2.detail.events.conversation.{id}.user.end';
const SUMMARIES = 'v2.conversations.{id}.summaries';
const ACW = 'v2.detail.events.conversation.{id}.acw';

/**
 * The typed facts of an event body, read as analytics reads them: durations only from the topics that
 * report handle time (`user.end` talk and hold, `acw` after-call work), never negative; a sentiment only
 * from `call.analysis.completed`, `derived` when analytics published it; a Genesys summary's texts only from
 * `v2.conversations.{id}.summaries` (a failed summary has none).
 *
 * @example
 * ```ts
 * rowFactsOf({ topicName: `v2.detail.events.conversation.${id}.acw`, eventBody: { wrapupDurationMs: 30000 } }, { derived: false });
 * // { ..., wrapup_duration_ms: 30000, ... }
 * ```
 */
export const rowFactsOf = (
  detail: { readonly topicName: string; readonly eventBody: Record<string, unknown> },
  { derived }: { derived: boolean },
): RowFacts => {
  const body = detail.eventBody;
  // The catalog matches `{id}` to any segment, so a conversation id that is not a UUID still finds its topic.
  const { pattern } = parseTopicName(detail.topicName);
  const analysis = detail.topicName === CALL_ANALYSIS_COMPLETED;
  const label = analysis ? textOf(body.sentiment)?.trim().toLowerCase() || null : null;
  return {
    participant_id: textOf(body.participantId),
    user_id: textOf(body.userId),
    queue_id: textOf(body.queueId),
    media_type: textOf(body.mediaType),
    direction: textOf(body.direction),
    interacting_duration_ms: pattern === USER_END ? durationOf(body.interactingDurationMs) : null,
    held_duration_ms: pattern === USER_END ? durationOf(body.heldDurationMs) : null,
    wrapup_duration_ms: pattern === ACW ? durationOf(body.wrapupDurationMs) : null,
    wrapup_code: pattern === ACW ? textOf(body.wrapupCode) : null,
    sentiment_label: label,
    sentiment_score: label ? numberOf(body.score) : null,
    sentiment_source: label ? (derived ? 'derived' : 'genesys') : null,
    ...(pattern === SUMMARIES ? summaryFacts(body) : NO_SUMMARY),
  };
};

const NO_SUMMARY = { summary_text: null, summary_reason: null, summary_resolution: null };

const summaryFacts = (body: Record<string, unknown>) => {
  const texts = ['summary', 'headline', 'reason', 'resolution'].map((key) => nestedText(body[key]));
  const followUp = Array.isArray(body.followupActions) ? body.followupActions.map(nestedText).find(Boolean) : null;
  return {
    summary_text: texts.find(Boolean) ?? followUp ?? null,
    summary_reason: texts[2] ?? null,
    summary_resolution: texts[3] ?? null,
  };
};

// Summary parts are objects with a `text` (and a score).
const nestedText = (value: unknown): string | null =>
  typeof value === 'object' && value !== null ? textOf((value as Record<string, unknown>).text) : null;

const textOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

// A negative duration is a broken event, not time to subtract from a handle time; durations are whole ms.
const durationOf = (value: unknown): number | null => {
  const number = numberOf(value);
  return number !== null && number >= 0 ? Math.round(number) : null;
};
