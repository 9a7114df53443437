import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { summarySql } from '@genesys-events/lake/summary';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { athenaSummaryEngine, windowOfSummarySql } from './summary-engine';

const athena = mockClient(AthenaClient);
const TARGET = { workGroup: 'genesys-events-test-lake', database: 'genesys_events_test_lake' };
const WINDOW = { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' };
const NOW = new Date('2091-06-20T00:00:00.000Z');
const engine = athenaSummaryEngine(new AthenaClient({ region: 'eu-west-1' }), {
  target: TARGET,
  waitMs: 0,
  marginDays: 2,
  retentionDays: 90,
  now: () => NOW,
});

const COLUMNS = [
  'grouping_id',
  'media_type',
  'direction',
  'queue_id',
  'sentiment_label',
  'conversations',
  'handled',
  'handle_ms',
];
const resultPage = (rows: (string | null)[][]) => ({
  ResultSet: {
    ResultSetMetadata: { ColumnInfo: COLUMNS.map((Name) => ({ Name, Type: 'varchar' })) },
    Rows: [COLUMNS, ...rows].map((row) => ({
      Data: row.map((value) => (value === null ? {} : { VarCharValue: value })),
    })),
  },
});

describe('athenaSummaryEngine', () => {
  beforeEach(() => {
    athena.reset();
  });

  it("runs the summary SQL in the lake's workgroup, leaving out what is past retention", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' } } });
    athena.on(GetQueryResultsCommand).resolves(
      resultPage([
        ['15', null, null, null, null, '2', '1', '30000'],
        ['7', 'VOICE', null, null, null, '2', '1', '30000'],
      ]),
    );

    const outcome = await engine.summarise(WINDOW);

    expect(outcome).toEqual({
      status: 'done',
      summary: expect.objectContaining({ conversations: 2, byMediaType: { VOICE: 2 }, averageHandleTimeMs: 30_000 }),
    });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: summarySql(WINDOW, { notBefore: '2091-03-22T00:00:00.000Z', marginDays: 2 }),
      WorkGroup: TARGET.workGroup,
      QueryExecutionContext: { Database: TARGET.database },
    });
  });

  it('answers the query id while the query runs', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-2' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { QueryExecutionId: 'q-2', Status: { State: 'RUNNING' } } });

    expect(await engine.summarise(WINDOW)).toEqual({ status: 'running', queryId: 'q-2' });
  });

  it('reads the result of an earlier summary of its workgroup by id, its window from the SQL', async () => {
    const Query = summarySql(WINDOW, { notBefore: '2091-03-22T00:00:00.000Z' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { QueryExecutionId: 'q-3', Query, WorkGroup: TARGET.workGroup, Status: { State: 'SUCCEEDED' } },
    });
    athena.on(GetQueryResultsCommand).resolves(resultPage([['15', null, null, null, null, '0', '0', null]]));

    expect(await engine.resultOf('q-3')).toEqual({
      status: 'done',
      summary: expect.objectContaining({ ...WINDOW, conversations: 0, averageHandleTimeMs: null }),
    });
  });

  it('knows nothing of other queries, of other workgroups, or of ids Athena does not know', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce({
        QueryExecution: { Query: 'SELECT 1', WorkGroup: TARGET.workGroup, Status: { State: 'SUCCEEDED' } },
      })
      .resolvesOnce({ QueryExecution: { Query: summarySql(WINDOW, { notBefore: WINDOW.from }), WorkGroup: 'primary' } })
      .rejectsOnce(new InvalidRequestException({ message: 'not found', $metadata: {} }));

    expect(await engine.resultOf('a')).toBeUndefined();
    expect(await engine.resultOf('b')).toBeUndefined();
    expect(await engine.resultOf('c')).toBeUndefined();
  });
});

describe('windowOfSummarySql', () => {
  it('reads the window back from the marker line, and nothing from other SQL', () => {
    expect(windowOfSummarySql(summarySql(WINDOW, { notBefore: WINDOW.from }))).toEqual(WINDOW);
    expect(windowOfSummarySql('SELECT 1')).toBeUndefined();
    expect(windowOfSummarySql(undefined)).toBeUndefined();
  });
});
