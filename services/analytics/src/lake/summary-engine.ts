import type { AthenaClient } from '@aws-sdk/client-athena';
import { type AthenaTarget, awaitQuery, describeQuery, startQuery } from '@genesys-events/lake/athena';
import {
  type AnalyticsSummary,
  SUMMARY_MARKER,
  summaryFromRows,
  summarySql,
  type TimeWindow,
} from '@genesys-events/lake/summary';

/** A summary that is ready, or a query still running whose result can be asked for later by its id. */
export type SummaryOutcome =
  | { readonly status: 'done'; readonly summary: AnalyticsSummary }
  | { readonly status: 'running'; readonly queryId: string };

/** Where summaries are computed: the lake's engine (Athena in the cloud, the local lake's endpoint locally). */
export interface SummaryEngine {
  /** Starts the summary of a window and waits for it a bounded time. */
  readonly summarise: (window: TimeWindow) => Promise<SummaryOutcome>;
  /** The outcome of a summary started earlier; `undefined` for an id that is not a summary of ours. */
  readonly resultOf: (queryId: string) => Promise<SummaryOutcome | undefined>;
}

/** What the engine needs besides its client. */
export interface SummaryEngineSettings {
  readonly target: AthenaTarget;
  /** How long a request waits for the query before answering 202 with its id (ms). */
  readonly waitMs: number;
  readonly marginDays: number;
  readonly retentionDays: number;
  readonly now?: () => Date;
}

const DAY_MS = 86_400_000;

/**
 * The summary engine on Athena's API: the summary's SQL runs in the lake's workgroup (its own result
 * location and scan limit); a query that outlives `waitMs` is answered later through {@link resultOf},
 * which recognises its own queries by the SQL's marker line and reads the window back from it.
 *
 * @example
 * ```ts
 * const engine = athenaSummaryEngine(new AthenaClient({}), { target, waitMs: 5000, marginDays: 2, retentionDays: 90 });
 * await engine.summarise({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' });
 * ```
 */
export const athenaSummaryEngine = (client: AthenaClient, settings: SummaryEngineSettings): SummaryEngine => {
  const now = settings.now ?? (() => new Date());
  const finish = async (window: TimeWindow, queryId: string, waitMs: number): Promise<SummaryOutcome> => {
    const outcome = await awaitQuery(client, queryId, { waitMs });
    if (outcome.status === 'running') return outcome;
    return { status: 'done', summary: summaryFromRows(window, outcome.rows) };
  };
  return {
    summarise: async (window) => {
      const notBefore = new Date(now().getTime() - settings.retentionDays * DAY_MS).toISOString();
      const sql = summarySql(window, { notBefore, marginDays: settings.marginDays });
      return finish(window, await startQuery(client, sql, settings.target), settings.waitMs);
    },
    resultOf: async (queryId) => {
      const execution = await describeQuery(client, queryId).then(
        (described) => described.QueryExecution,
        (error: Error) => {
          // Athena answers an id it does not know (or a malformed one) as an invalid request.
          if (error.name === 'InvalidRequestException') return undefined;
          throw error;
        },
      );
      const window = windowOfSummarySql(execution?.Query);
      if (!window || execution?.WorkGroup !== settings.target.workGroup) return undefined;
      return finish(window, queryId, 0);
    },
  };
};

const MARKER_LINE = new RegExp(`^${SUMMARY_MARKER} from=(\\S+) to=(\\S+)$`, 'm');

/**
 * The window a summary query was started for, from its marker line; `undefined` for any other SQL.
 *
 * @example
 * ```ts
 * windowOfSummarySql(summarySql(window, options)); // window
 * ```
 */
export const windowOfSummarySql = (sql: string | undefined): TimeWindow | undefined => {
  const match = sql === undefined ? null : MARKER_LINE.exec(sql);
  return match?.[1] && match[2] ? { from: match[1], to: match[2] } : undefined;
};
