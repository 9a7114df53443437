import { AthenaClient } from '@aws-sdk/client-athena';
import { awaitQuery, startQuery } from '@genesys-events/lake/athena';
import { TEST_PORTS } from './local-system';

/** The test system's lake, reached through its Athena-compatible endpoint (as the summary and the CLI reach it). */
const client = new AthenaClient({
  endpoint: `http://127.0.0.1:${TEST_PORTS.lake}`,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const TARGET = { workGroup: 'genesys-events-dev-lake', database: 'genesys_events_dev_lake' };

/**
 * Runs SQL on the test system's lake and answers its rows (values as text).
 *
 * @example
 * ```ts
 * await lakeRows("SELECT count(*) AS n FROM events WHERE conversation_id = 'c-1'"); // [{ n: '3' }]
 * ```
 */
export const lakeRows = async (sql: string): Promise<Record<string, string | null>[]> => {
  const outcome = await awaitQuery(client, await startQuery(client, sql, TARGET), { waitMs: 10_000, pollMs: 50 });
  if (outcome.status !== 'succeeded') throw new Error(`lake query ${outcome.queryId} still running`);
  return [...outcome.rows];
};

/** A conversation id as a SQL literal (ids in tests are UUIDs, never quotes). */
export const idLiteral = (id: string): string => `'${id.replaceAll("'", "''")}'`;
