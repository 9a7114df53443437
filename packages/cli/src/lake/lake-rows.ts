import { isAbsolute, resolve } from 'node:path';

/** What a lake query answered: its columns in order and every row by column name (values as text or null). */
export interface LakeAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | null>[];
}

/** Where the local lake lives: `LOCAL_LAKE_DIR`, else `.local-data/lake` at the repository root. */
export const localLakeDir = (env: Readonly<Record<string, string | undefined>>, root: string): string => {
  const dir = env.LOCAL_LAKE_DIR || '.local-data/lake';
  return isAbsolute(dir) ? dir : resolve(root, dir);
};

/**
 * Runs one read-only SQL statement on the local lake's files with DuckDB, in this process (`npm run dev`
 * need not run). A file the dev server compacts away while it is read fails the query once: it is retried.
 *
 * @example
 * ```ts
 * await queryLocalLake('.local-data/lake', 'SELECT count(*) AS n FROM events'); // { columns: ['n'], rows: [{ n: '42' }] }
 * ```
 */
export const queryLocalLake = async (dir: string, sql: string): Promise<LakeAnswer> => {
  const { lakeFiles, openLakeReader, ReadOnlyQueryError } = await import('@genesys-events/local-lake/duckdb');
  const reader = await openLakeReader(lakeFiles(dir));
  try {
    const result = await reader.query(sql).catch((error: Error) => {
      if (error instanceof ReadOnlyQueryError || !/No such file|No files found|IO Error/i.test(error.message))
        throw error;
      return reader.query(sql);
    });
    const columns = result.columns.map((column) => column.name);
    return {
      columns,
      rows: result.rows.map((values) =>
        Object.fromEntries(columns.map((name, index) => [name, values[index] ?? null])),
      ),
    };
  } finally {
    reader.close();
  }
};

/** Where a stage's lake is queried in the cloud: its Athena workgroup and Glue database (services/lake). */
export const stageTarget = (stage: string) => ({
  workGroup: `genesys-events-${stage}-lake`,
  database: `genesys_events_${stage}_lake`,
});

/**
 * Runs SQL on a stage's lake with Athena (the standard AWS credentials, region and endpoint variables) and
 * waits for the answer.
 *
 * @example
 * ```ts
 * await queryAthena({ sql: 'SELECT count(*) AS n FROM events', stage: 'prod', timeoutMs: 120_000 });
 * ```
 */
export const queryAthena = async ({
  sql,
  stage,
  region,
  timeoutMs,
}: {
  sql: string;
  stage: string;
  region?: string;
  timeoutMs: number;
}): Promise<LakeAnswer & { queryId: string; scannedBytes: number }> => {
  const [{ AthenaClient }, { awaitQuery, startQuery }] = await Promise.all([
    import('@aws-sdk/client-athena'),
    import('@genesys-events/lake/athena'),
  ]);
  const client = new AthenaClient(region ? { region } : {});
  const queryId = await startQuery(client, sql, stageTarget(stage));
  const outcome = await awaitQuery(client, queryId, { waitMs: timeoutMs, pollMs: 500 });
  if (outcome.status === 'running') throw new Error(`query ${queryId} is still running after ${timeoutMs} ms`);
  return { queryId, columns: outcome.columns, rows: outcome.rows, scannedBytes: outcome.scannedBytes };
};
