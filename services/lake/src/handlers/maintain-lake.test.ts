import { describe, expect, it } from '@jest/globals';
import type { LakeStatement } from '../model/lake-statements';

process.env.LAKE_WORKGROUP = 'genesys-events-test-lake';
process.env.LAKE_DATABASE = 'genesys_events_test_lake';
process.env.LAKE_TABLE = 'events';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { lambdaHandler } = await import('./maintain-lake');

describe('maintain-lake lambdaHandler', () => {
  it('starts the delete of what was received more than the retention ago, cut at UTC midnight', async () => {
    const started: LakeStatement[] = [];

    const result = await lambdaHandler(
      {},
      {
        retentionDays: 90,
        now: () => new Date('2091-06-15T03:15:00.000Z'),
        start: async (statement) => {
          started.push(statement);
          return 'q-1';
        },
      },
    );

    expect(result).toEqual({ queryId: 'q-1', cutoff: '2091-03-17T00:00:00.000Z' });
    expect(started).toEqual([{ kind: 'expire', cutoff: '2091-03-17T00:00:00.000Z', attempt: 1 }]);
  });
});
