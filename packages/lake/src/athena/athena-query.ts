import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionOutput,
  GetQueryResultsCommand,
  type QueryExecutionState,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';

/** Where a query runs: the workgroup (result location, scan limit) and the Glue database of the table. */
export interface AthenaTarget {
  readonly workGroup: string;
  readonly database: string;
}

/** A failed or cancelled query. `reason` is Athena's own (it may quote the SQL, never the data). */
export class AthenaQueryError extends Error {
  constructor(
    readonly queryId: string,
    readonly state: QueryExecutionState | 'UNKNOWN',
    readonly reason: string,
  ) {
    super(`Athena query ${queryId} ${state.toLowerCase()}: ${reason}`);
    this.name = 'AthenaQueryError';
  }
}

/** What a query answered: column names, rows as text (null for SQL NULL), and the bytes it scanned. */
export interface QueryResult {
  readonly queryId: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | null>[];
  readonly scannedBytes: number;
}

/** A query that finished, or one still running after the wait (ask again with its id). */
export type QueryOutcome = ({ readonly status: 'succeeded' } & QueryResult) | { status: 'running'; queryId: string };

/** The clock and pause the waiting uses; tests pass their own. */
export interface Pacing {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Pause between status polls (ms, default 200). */
  readonly pollMs?: number;
}

/**
 * Starts a query in the target's workgroup and database. `token` makes the start idempotent: Athena runs a
 * query once per token (a retried start returns the first query's id).
 *
 * @example
 * ```ts
 * const queryId = await startQuery(client, 'SELECT count(*) FROM events', { workGroup, database });
 * ```
 */
export const startQuery = async (
  client: AthenaClient,
  sql: string,
  target: AthenaTarget,
  token?: string,
): Promise<string> => {
  const started = await client.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: target.workGroup,
      QueryExecutionContext: { Database: target.database },
      ...(token ? { ClientRequestToken: token } : {}),
    }),
  );
  if (!started.QueryExecutionId) throw new AthenaQueryError('(none)', 'UNKNOWN', 'no query id was returned');
  return started.QueryExecutionId;
};

/**
 * Waits up to `waitMs` for a query: its result when it succeeded, `running` when it is still queued or
 * running; throws {@link AthenaQueryError} when it failed or was cancelled.
 *
 * @example
 * ```ts
 * const outcome = await awaitQuery(client, queryId, { waitMs: 5000 });
 * if (outcome.status === 'running') return accepted(outcome.queryId);
 * ```
 */
export const awaitQuery = async (
  client: AthenaClient,
  queryId: string,
  { waitMs, ...pacing }: { waitMs: number } & Pacing,
): Promise<QueryOutcome> => {
  const now = pacing.now ?? Date.now;
  const sleep = pacing.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + waitMs;
  for (;;) {
    const execution = await describeQuery(client, queryId);
    const state = execution.QueryExecution?.Status?.State ?? 'UNKNOWN';
    if (state === 'SUCCEEDED') return { status: 'succeeded', ...(await readResults(client, execution)) };
    if (state === 'FAILED' || state === 'CANCELLED' || state === 'UNKNOWN') {
      throw new AthenaQueryError(queryId, state, execution.QueryExecution?.Status?.StateChangeReason ?? 'no reason');
    }
    if (now() >= deadline) return { status: 'running', queryId };
    await sleep(pacing.pollMs ?? 200);
  }
};

/**
 * A query's execution as Athena describes it (its SQL, state, statistics).
 *
 * @example
 * ```ts
 * (await describeQuery(client, queryId)).QueryExecution?.Query; // '-- genesys-events:summary ...'
 * ```
 */
export const describeQuery = (client: AthenaClient, queryId: string): Promise<GetQueryExecutionOutput> =>
  client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }));

const readResults = async (client: AthenaClient, execution: GetQueryExecutionOutput): Promise<QueryResult> => {
  const queryId = execution.QueryExecution?.QueryExecutionId ?? '';
  const rows: (string | null)[][] = [];
  let columns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetQueryResultsCommand({ QueryExecutionId: queryId, ...(nextToken ? { NextToken: nextToken } : {}) }),
    );
    columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => column.Name ?? '');
    // A missing VarCharValue is SQL NULL.
    for (const row of page.ResultSet?.Rows ?? []) rows.push((row.Data ?? []).map((cell) => cell.VarCharValue ?? null));
    nextToken = page.NextToken;
  } while (nextToken);
  // A SELECT's first row repeats the column names.
  if (rows[0]?.every((value, index) => value === columns[index])) rows.shift();
  return {
    queryId,
    columns,
    rows: rows.map((values) => Object.fromEntries(columns.map((name, index) => [name, values[index] ?? null]))),
    scannedBytes: execution.QueryExecution?.Statistics?.DataScannedInBytes ?? 0,
  };
};
