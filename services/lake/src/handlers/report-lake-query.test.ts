import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand } from '@aws-sdk/client-athena';
import type { AppBusEvent } from '@genesys-events/core';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { type LakeStatement, statementSql } from '../model/lake-statements';

process.env.LAKE_WORKGROUP = 'genesys-events-test-lake';
process.env.LAKE_DATABASE = 'genesys_events_test_lake';
process.env.LAKE_TABLE = 'events';
process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const { lambdaHandler } = await import('./report-lake-query');

const athena = mockClient(AthenaClient);
const NOW = new Date('2091-06-15T03:20:00.000Z');

const run = async (statementOrSql: LakeStatement | string, currentState: string) => {
  const Query = typeof statementOrSql === 'string' ? statementOrSql : statementSql(statementOrSql);
  athena
    .on(GetQueryExecutionCommand)
    .resolves({ QueryExecution: { QueryExecutionId: 'q-1', Query, Status: { State: 'SUCCEEDED' } } });
  const started: LakeStatement[] = [];
  const published: AppBusEvent[] = [];
  const step = await lambdaHandler(
    { detail: { queryExecutionId: 'q-1', currentState } },
    {
      athena: new AthenaClient({ region: 'eu-west-1' }),
      start: async (statement) => {
        started.push(statement);
        return 'q-2';
      },
      publish: async (event) => {
        published.push(event);
        return 'published';
      },
      now: () => NOW,
    },
  );
  return { step, started, published };
};

describe('report-lake-query lambdaHandler', () => {
  beforeEach(() => {
    athena.reset();
  });

  it("deletes a conversation's rows once their count is known", async () => {
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'n', Type: 'bigint' }] },
        Rows: [{ Data: [{ VarCharValue: 'n' }] }, { Data: [{ VarCharValue: '31' }] }],
      },
    });

    const { started } = await run(
      { kind: 'erasure-count', conversationId: 'c-1', requestId: 'r-1', attempt: 1 },
      'SUCCEEDED',
    );

    expect(started).toEqual([
      { kind: 'erasure-delete', conversationId: 'c-1', requestId: 'r-1', rows: 31, attempt: 1 },
    ]);
  });

  it('reports a finished erasure on the app bus, as every store does', async () => {
    const { published } = await run(
      { kind: 'erasure-delete', conversationId: 'c-1', requestId: 'r-1', rows: 31, attempt: 1 },
      'SUCCEEDED',
    );

    expect(published).toEqual([
      expect.objectContaining({
        detailType: 'conversation.erasure.completed',
        detail: expect.objectContaining({
          eventBody: { conversationId: 'c-1', requestId: 'r-1', service: 'lake', deleted: { items: 31 } },
        }),
      }),
    ]);
  });

  it('runs a failed statement again', async () => {
    const { started } = await run({ kind: 'vacuum', attempt: 1 }, 'FAILED');

    expect(started).toEqual([{ kind: 'vacuum', attempt: 2 }]);
  });

  it('ignores queries that are not lake statements', async () => {
    const { step, started, published } = await run('-- genesys-events:summary from=a to=b\nSELECT 1', 'SUCCEEDED');

    expect([step, started, published]).toEqual([undefined, [], []]);
  });
});
