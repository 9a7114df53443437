import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaClient, GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { AthenaQueryError, awaitQuery, startQuery } from '@genesys-events/lake/athena';
import { lakeRowOf } from '@genesys-events/lake/row';
import { detailEvent, T0 } from '@genesys-events/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LocalLake, openLocalLake } from '../store/local-lake';
import { athenaOperations } from './athena-operations';
import { type AthenaServer, serveAthena } from './athena-server';
import { queryBook } from './query-book';

const TARGET = { workGroup: 'genesys-events-dev-lake', database: 'genesys_events_dev_lake' };

describe('the local Athena endpoint, through the AWS SDK', () => {
  let dir: string;
  let lake: LocalLake;
  let server: AthenaServer;
  let client: AthenaClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-athena-'));
    lake = await openLocalLake({ dir });
    const row = lakeRowOf(detailEvent('c-1', 'customer.start', T0));
    if (row) await lake.write([row]);
    server = await serveAthena({ port: 0, operations: athenaOperations({ book: queryBook(), run: lake.query }) });
    client = new AthenaClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await lake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a query on the lake and answers its rows as Athena does', async () => {
    const queryId = await startQuery(client, 'SELECT conversation_id, event_date FROM events', TARGET);

    const outcome = await awaitQuery(client, queryId, { waitMs: 10_000, pollMs: 20 });

    expect(outcome).toEqual({
      status: 'succeeded',
      queryId,
      columns: ['conversation_id', 'event_date'],
      rows: [{ conversation_id: 'c-1', event_date: '2091-06-15' }],
      scannedBytes: 0,
    });
  });

  it('pages long results and keeps SQL NULL apart from text', async () => {
    const queryId = await startQuery(
      client,
      'SELECT range AS n, CASE WHEN range = 0 THEN NULL ELSE 1 END AS maybe FROM range(2500)',
      TARGET,
    );

    const outcome = await awaitQuery(client, queryId, { waitMs: 10_000, pollMs: 20 });

    expect(outcome.status === 'succeeded' && outcome.rows.length).toBe(2500);
    expect(outcome.status === 'succeeded' && outcome.rows[0]).toEqual({ n: '0', maybe: null });
  });

  it('starts a query once per client request token', async () => {
    const first = await startQuery(client, 'SELECT 1', TARGET, 'token-1');
    const again = await startQuery(client, 'SELECT 1', TARGET, 'token-1');

    expect(again).toBe(first);
  });

  it("fails a query the lake refuses, with the lake's reason", async () => {
    const queryId = await startQuery(client, 'CREATE TABLE t AS SELECT 1', TARGET);

    await expect(awaitQuery(client, queryId, { waitMs: 10_000, pollMs: 20 })).rejects.toBeInstanceOf(AthenaQueryError);
  });

  it('answers an unknown query id with an InvalidRequestException', async () => {
    await expect(client.send(new GetQueryExecutionCommand({ QueryExecutionId: 'nope' }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
    });
  });
});
