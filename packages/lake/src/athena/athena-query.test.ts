import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecutionState,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { AthenaQueryError, awaitQuery, startQuery } from './athena-query';

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: 'eu-west-1' });
const TARGET = { workGroup: 'genesys-events-prod-lake', database: 'genesys_events_prod_lake' };

const execution = (State: QueryExecutionState, extra: Record<string, unknown> = {}) => ({
  QueryExecution: { QueryExecutionId: 'q-1', Status: { State, ...extra }, Statistics: { DataScannedInBytes: 1234 } },
});
const cell = (value: string | null) => (value === null ? {} : { VarCharValue: value });
const page = (rows: (string | null)[][], NextToken?: string) => ({
  ResultSet: {
    ResultSetMetadata: {
      ColumnInfo: [
        { Name: 'name', Type: 'varchar' },
        { Name: 'n', Type: 'bigint' },
      ],
    },
    Rows: rows.map((row) => ({ Data: row.map(cell) })),
  },
  ...(NextToken ? { NextToken } : {}),
});

describe('startQuery', () => {
  beforeEach(() => {
    athena.reset();
  });

  it('starts the SQL in the workgroup and database, idempotent on the token', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });

    const queryId = await startQuery(client, 'SELECT 1', TARGET, 'token-1');

    expect(queryId).toBe('q-1');
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: 'SELECT 1',
      WorkGroup: TARGET.workGroup,
      QueryExecutionContext: { Database: TARGET.database },
      ClientRequestToken: 'token-1',
    });
  });
});

describe('awaitQuery', () => {
  beforeEach(() => {
    athena.reset();
  });

  it('answers the rows of a finished query by column name, without the header row, over every page', async () => {
    athena.on(GetQueryExecutionCommand).resolvesOnce(execution('RUNNING')).resolves(execution('SUCCEEDED'));
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce(
        page(
          [
            ['name', 'n'],
            ['a', '1'],
          ],
          'next',
        ),
      )
      .resolves(page([['b', null]]));
    const pauses: number[] = [];

    const outcome = await awaitQuery(client, 'q-1', {
      waitMs: 1000,
      now: () => 0,
      sleep: async (ms) => void pauses.push(ms),
    });

    expect(outcome).toEqual({
      status: 'succeeded',
      queryId: 'q-1',
      columns: ['name', 'n'],
      rows: [
        { name: 'a', n: '1' },
        { name: 'b', n: null },
      ],
      scannedBytes: 1234,
    });
    expect(pauses).toEqual([200]);
  });

  it('answers running, with the query id, once the wait is over', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('QUEUED'));
    let clock = 0;

    const outcome = await awaitQuery(client, 'q-1', {
      waitMs: 500,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });

    expect(outcome).toEqual({ status: 'running', queryId: 'q-1' });
  });

  it("throws Athena's reason for a failed query", async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('FAILED', { StateChangeReason: 'bytes scanned limit' }));

    await expect(awaitQuery(client, 'q-1', { waitMs: 0 })).rejects.toEqual(
      new AthenaQueryError('q-1', 'FAILED', 'bytes scanned limit'),
    );
  });
});
