import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { documentClient } from '@genesys-events/consumer-kit/store';
import type { AppBusEnvelope } from '@genesys-events/core';
import { type LakeRow, lakeRowOf } from '@genesys-events/lake/row';
import middy from '@middy/core';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { readErasuresConfig, readLakeTarget } from '../config';
import { icebergRecordOf } from '../model/iceberg-record';
import { logger } from '../observability/logger';
import { count, metrics } from '../observability/metrics';
import { erasedAmong } from '../store/erasure-tombstones';

/** A record as Firehose hands it to its transformation Lambda: the EventBridge event, base64. */
export interface FirehoseRecord {
  readonly recordId: string;
  readonly data: string;
}

/** What the transformation answers for a record: the Iceberg row to write, or why there is none. */
export interface TransformedRecord {
  readonly recordId: string;
  readonly result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  readonly data: string;
  readonly metadata?: { readonly otfMetadata: Record<string, string> };
}

/** Where Firehose writes the rows (its Iceberg routing metadata). */
export interface TransformTarget {
  readonly database: string;
  readonly table: string;
}

/**
 * Firehose's data transformation: each EventBridge event becomes the lake row of `@genesys-events/lake/row`
 * (the same row the local lake writes), as a JSON record for the Iceberg table. An event that is no app-bus
 * event or has no time fails processing (Firehose puts it under the bucket's `errors/` prefix, kept for the
 * retention period); an event of an erased conversation is dropped, so late events stay out of the lake as
 * they stay out of the stores.
 *
 * @example
 * ```ts
 * await lambdaHandler({ records: [{ recordId: '1', data: base64Event }] }, { target, erased: async () => new Set() });
 * ```
 */
export const lambdaHandler = async (
  event: { readonly records: readonly FirehoseRecord[] },
  { target, erased }: { target: TransformTarget; erased: (ids: readonly string[]) => Promise<Set<string>> },
): Promise<{ records: TransformedRecord[] }> => {
  const rows = event.records.map((record) => ({ recordId: record.recordId, row: rowOf(record.data) }));
  const ids = rows.flatMap(({ row }) => (row?.conversation_id ? [row.conversation_id] : []));
  const gone = ids.length > 0 ? await erased(ids) : new Set<string>();
  const records = rows.map(({ recordId, row }): TransformedRecord => {
    if (!row) return { recordId, result: 'ProcessingFailed', data: '' };
    if (row.conversation_id && gone.has(row.conversation_id)) return { recordId, result: 'Dropped', data: '' };
    return {
      recordId,
      result: 'Ok',
      data: Buffer.from(JSON.stringify(icebergRecordOf(row))).toString('base64'),
      metadata: {
        otfMetadata: {
          destinationDatabaseName: target.database,
          destinationTableName: target.table,
          operation: 'insert',
        },
      },
    };
  });
  countResults(records);
  return { records };
};

const rowOf = (data: string): LakeRow | undefined => {
  try {
    return lakeRowOf(JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as AppBusEnvelope);
  } catch {
    return undefined;
  }
};

const countResults = (records: readonly TransformedRecord[]): void => {
  const by = (result: TransformedRecord['result']) => records.filter((record) => record.result === result).length;
  count('LakeRecordsWritten', by('Ok'));
  count('LakeEventsAfterErasure', by('Dropped'));
  count('LakeRecordsUnusable', by('ProcessingFailed'));
  // Counts and ids only: the records are personal data.
  logger.info('records transformed', { ok: by('Ok'), dropped: by('Dropped'), failed: by('ProcessingFailed') });
};

const env = process.env;
const client = documentClient();
const { tableName } = readErasuresConfig(env);
const { database, table } = readLakeTarget(env);

export const handler = middy((event: FirehoseTransformationEvent) =>
  lambdaHandler(event, { target: { database, table }, erased: (ids) => erasedAmong(client, tableName, ids) }),
)
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }));
