import { detailEvent, T0 } from '@genesys-events/lake/testing';
import { describe, expect, it } from '@jest/globals';

process.env.ERASURES_TABLE_NAME = 'genesys-events-test-lake-erasures';
process.env.LAKE_WORKGROUP = 'genesys-events-test-lake';
process.env.LAKE_DATABASE = 'genesys_events_test_lake';
process.env.LAKE_TABLE = 'events';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const { lambdaHandler } = await import('./transform-lake-records');

const target = { database: 'genesys_events_test_lake', table: 'events' };
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decoded = (data: string) => JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Record<string, unknown>;

describe('transform-lake-records lambdaHandler', () => {
  it('turns each EventBridge event into its Iceberg row, routed to the events table', async () => {
    const { records } = await lambdaHandler(
      { records: [{ recordId: '1', data: encoded(detailEvent('c-1', 'acw', T0, { wrapupDurationMs: 5 })) }] },
      { target, erased: async () => new Set() },
    );

    expect(records).toEqual([
      {
        recordId: '1',
        result: 'Ok',
        data: expect.any(String),
        metadata: {
          otfMetadata: {
            destinationDatabaseName: target.database,
            destinationTableName: 'events',
            operation: 'insert',
          },
        },
      },
    ]);
    expect(decoded(records[0]?.data ?? '')).toMatchObject({
      conversation_id: 'c-1',
      wrapup_duration_ms: 5,
      event_time: T0 * 1000,
    });
  });

  it('drops the events of erased conversations, asking once for the whole batch', async () => {
    const asked: string[][] = [];

    const { records } = await lambdaHandler(
      {
        records: [
          { recordId: '1', data: encoded(detailEvent('c-1', 'customer.start', T0)) },
          { recordId: '2', data: encoded(detailEvent('c-2', 'customer.start', T0)) },
          { recordId: '3', data: encoded(detailEvent('c-2', 'customer.end', T0)) },
        ],
      },
      {
        target,
        erased: async (ids) => {
          asked.push([...ids]);
          return new Set(['c-2']);
        },
      },
    );

    expect(records.map((record) => record.result)).toEqual(['Ok', 'Dropped', 'Dropped']);
    expect(asked).toEqual([['c-1', 'c-2', 'c-2']]);
  });

  it('fails the processing of a record that is not an app-bus event, and keeps the others', async () => {
    const { records } = await lambdaHandler(
      {
        records: [
          { recordId: '1', data: Buffer.from('not json').toString('base64') },
          { recordId: '2', data: encoded({ 'detail-type': 'x', source: 's', detail: 'text' }) },
          { recordId: '3', data: encoded(detailEvent('c-1', 'customer.start', T0)) },
        ],
      },
      { target, erased: async () => new Set() },
    );

    expect(records.map((record) => record.result)).toEqual(['ProcessingFailed', 'ProcessingFailed', 'Ok']);
  });
});
