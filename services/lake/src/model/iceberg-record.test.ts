import { lakeRowOf } from '@genesys-events/lake/row';
import { LAKE_COLUMNS } from '@genesys-events/lake/schema';
import { detailEvent, T0 } from '@genesys-events/lake/testing';
import { describe, expect, it } from '@jest/globals';
import { icebergRecordOf } from './iceberg-record';

describe('icebergRecordOf', () => {
  it('writes every column, timestamps in microseconds as Firehose wants them for Iceberg', () => {
    const row = lakeRowOf(detailEvent('c-1', 'acw', T0, { wrapupDurationMs: 30_000 }));
    if (!row) throw new Error('no row');

    const record = icebergRecordOf(row);

    expect(Object.keys(record)).toEqual(LAKE_COLUMNS.map((column) => column.name));
    expect(record).toMatchObject({
      event_date: '2091-06-15',
      event_time: T0 * 1000,
      received_at: (T0 + 1000) * 1000,
      wrapup_duration_ms: 30_000,
      sentiment_label: null,
    });
  });
});
