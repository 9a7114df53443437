import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { lakeRowOf } from '@genesys-events/lake/row';
import { detailEvent, T0 } from '@genesys-events/lake/testing';
import { openLocalLake } from '@genesys-events/local-lake/duckdb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../test-support/memory-io';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-lake-'));
  const lake = await openLocalLake({ dir });
  const rows = [
    detailEvent('c-1', 'customer.start', T0),
    detailEvent('c-2', 'customer.start', T0, { mediaType: 'MESSAGE' }),
  ]
    .map(lakeRowOf)
    .flatMap((row) => (row ? [row] : []));
  await lake.write(rows);
  await lake.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BY_MEDIA = 'SELECT media_type, count(*) AS n FROM events GROUP BY media_type ORDER BY media_type';

describe('genesys-events lake query', () => {
  it('runs SQL on the local lake with DuckDB and prints a table', async () => {
    const { code, stdout } = await runCli(['lake', 'query', BY_MEDIA, '--dir', dir]);

    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'media_type  n',
      '----------  -',
      'MESSAGE     1',
      'VOICE       1',
      '(2 rows)',
      '',
    ]);
  });

  it('prints the rows as one JSON array of objects on the last line with --json', async () => {
    const { code, stdout } = await runCli(['lake', 'query', BY_MEDIA, '--dir', dir, '--json']);

    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')).toEqual([
      { media_type: 'MESSAGE', n: '1' },
      { media_type: 'VOICE', n: '1' },
    ]);
  });

  it('finds the local lake through LOCAL_LAKE_DIR', async () => {
    const { stdout } = await runCli(['lake', 'query', 'SELECT count(*) AS n FROM events', '--json'], {
      env: { LOCAL_LAKE_DIR: dir },
    });

    expect(JSON.parse(stdout)).toEqual([{ n: '2' }]);
  });

  it('refuses SQL that would write, with exit code 1 and the reason', async () => {
    const { code, stderr } = await runCli(['lake', 'query', 'CREATE TABLE t AS SELECT 1', '--dir', dir]);

    expect(code).toBe(1);
    expect(stderr).toContain('only SELECT');
  });

  it("runs the SQL on Athena in the stage's lake workgroup with --stage", async () => {
    const athena = mockClient(AthenaClient);
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        QueryExecutionId: 'q-1',
        Status: { State: 'SUCCEEDED' },
        Statistics: { DataScannedInBytes: 10 },
      },
    });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'n', Type: 'bigint' }] },
        Rows: [{ Data: [{ VarCharValue: 'n' }] }, { Data: [{ VarCharValue: '7' }] }],
      },
    });

    const { code, stdout, stderr } = await runCli([
      'lake',
      'query',
      'SELECT 7 AS n',
      '--stage',
      'prod',
      '--json',
      '--region',
      'eu-west-1',
    ]);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ n: '7' }]);
    expect(stderr).toContain('10 bytes scanned');
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toMatchObject({
      WorkGroup: 'genesys-events-prod-lake',
      QueryExecutionContext: { Database: 'genesys_events_prod_lake' },
    });
    athena.restore();
  });
});
