import type { AnalyticsEvent } from './analytics-event';
import type { CallAnalysis } from './event-facts';

/** The labels the summary counts. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** A sentiment as served: `score` is `null` when Genesys gave only a label. */
export interface SentimentView {
  readonly label: string;
  readonly score: number | null;
  readonly source: CallAnalysis['source'];
}

/**
 * The sentiment of a conversation: a Genesys label wins over a derived one; among analyses of one source
 * the latest (then the highest content key) wins, so every read agrees. A derived label counts only for a
 * conversation Genesys analysed neither way: a Genesys summary also wins over it. `null` when no analysis
 * with a label is left.
 *
 * @example
 * ```ts
 * chooseSentiment(events); // { label: 'negative', score: null, source: 'genesys' }
 * ```
 */
export const chooseSentiment = (events: readonly AnalyticsEvent[]): SentimentView | null => {
  const summarised = hasGenesysSummary(events);
  const labelled = events.filter(
    (event) => event.analysis?.label !== undefined && !(summarised && event.analysis.source === 'derived'),
  );
  const best = labelled.sort(preference)[0];
  const analysis = best?.analysis;
  if (!analysis?.label) return null;
  return { label: analysis.label, score: analysis.score ?? null, source: analysis.source };
};

/**
 * Whether a conversation already has a labelled analysis of any source, or a Genesys summary, so nothing
 * needs deriving: the derived analysis is for conversations Genesys analysed neither way.
 *
 * @example
 * ```ts
 * if (!hasLabelledAnalysis(events)) await publish(derivedAnalysisEvent(...));
 * ```
 */
export const hasLabelledAnalysis = (events: readonly AnalyticsEvent[]): boolean =>
  events.some((event) => event.analysis?.label !== undefined) || hasGenesysSummary(events);

/**
 * Whether Genesys summarised the conversation.
 *
 * @example
 * ```ts
 * hasGenesysSummary(events); // true once a v2.conversations.{id}.summaries event with a summary is stored
 * ```
 */
export const hasGenesysSummary = (events: readonly AnalyticsEvent[]): boolean =>
  events.some((event) => event.genesysSummary !== undefined);

const SOURCE_RANK: Record<CallAnalysis['source'], number> = { genesys: 0, derived: 1 };

const preference = (a: AnalyticsEvent, b: AnalyticsEvent): number =>
  rank(a) - rank(b) || compare(b.eventTime, a.eventTime) || compare(b.eventKey, a.eventKey);

const rank = (event: AnalyticsEvent): number => SOURCE_RANK[event.analysis?.source ?? 'derived'];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
