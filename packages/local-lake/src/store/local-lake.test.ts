import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LakeRow, lakeRowOf } from '@genesys-events/lake/row';
import { LAKE_COLUMNS } from '@genesys-events/lake/schema';
import { summaryFromRows, summarySql } from '@genesys-events/lake/summary';
import { detailEvent, HOUR, iso, T0 } from '@genesys-events/lake/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lakeFiles } from './lake-files';
import { COMPACT_AT_FILES } from './lake-maintenance';
import { ReadOnlyQueryError } from './lake-reader';
import { type LocalLake, openLocalLake } from './local-lake';

const rowOf = (...args: Parameters<typeof detailEvent>): LakeRow => {
  const row = lakeRowOf(detailEvent(...args));
  if (!row) throw new Error('no row');
  return row;
};
const count = async (lake: LocalLake, where = 'true') =>
  Number((await lake.query(`SELECT count(*) AS n FROM events WHERE ${where}`)).rows[0]?.[0]);

describe('the local lake', () => {
  let dir: string;
  let lake: LocalLake;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-lake-'));
    lake = await openLocalLake({ dir });
  });
  afterEach(async () => {
    await lake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an empty table before anything is written', async () => {
    const result = await lake.query('SELECT * FROM events');

    expect(result.columns.map((column) => column.name)).toEqual(LAKE_COLUMNS.map((column) => column.name));
    expect(result.rows).toEqual([]);
  });

  it('writes rows into one Parquet partition per event date and reads them back in schema order', async () => {
    await lake.write([rowOf('c-1', 'customer.start', T0), rowOf('c-1', 'customer.end', T0 + 24 * HOUR)]);

    const result = await lake.query('SELECT event_date, conversation_id, event_time FROM events ORDER BY event_time');

    expect(lakeFiles(dir).days()).toEqual(['2091-06-15', '2091-06-16']);
    expect(result.rows).toEqual([
      ['2091-06-15', 'c-1', '2091-06-15 10:00:00'],
      ['2091-06-16', 'c-1', '2091-06-16 10:00:00'],
    ]);
  });

  it('writes Parquet 2 pages, timestamps delta-encoded', async () => {
    await lake.write([rowOf('c-1', 'customer.start', T0), rowOf('c-1', 'customer.end', T0 + 60_000)]);

    const files = `${lakeFiles(dir).tableDir}/*/*.parquet`;
    const { rows } = await lake.query(
      `SELECT DISTINCT encodings FROM parquet_metadata('${files}') WHERE path_in_schema = 'event_time'`,
    );

    expect(rows).toEqual([['DELTA_BINARY_PACKED']]);
  });

  it('runs the summary SQL over the files', async () => {
    await lake.write([
      rowOf('c-1', 'customer.start', T0, { queueId: 'q-1' }),
      rowOf('c-1', 'acw', T0 + 60_000, { wrapupDurationMs: 30_000 }),
    ]);
    const window = { from: iso(T0), to: iso(T0 + HOUR) };

    const { rows, columns } = await lake.query(summarySql(window, { notBefore: iso(T0 - HOUR) }));
    const summary = summaryFromRows(
      window,
      rows.map((row) => Object.fromEntries(columns.map((column, index) => [column.name, row[index]]))),
    );

    expect(summary).toMatchObject({ conversations: 1, byQueue: { 'q-1': 1 }, averageHandleTimeMs: 30_000 });
  });

  it.each([
    ['a write, even inside the lake', (lakeDir: string) => `COPY (SELECT 1) TO '${lakeDir}/events/x.csv'`],
    ['a table', () => 'CREATE TABLE t AS SELECT 1'],
    ['two statements', () => 'SELECT 1; SELECT 2'],
  ])('refuses %s', async (_, sql) => {
    await expect(lake.query(sql(dir))).rejects.toBeInstanceOf(ReadOnlyQueryError);
  });

  it('reads no file outside the lake', async () => {
    await expect(lake.query("SELECT * FROM read_csv('/etc/hostname')")).rejects.toThrow(/disabled by configuration/);
  });

  it("erases a conversation's rows from every file and keeps the others", async () => {
    await lake.write([rowOf('c-1', 'customer.start', T0), rowOf('c-2', 'customer.start', T0)]);
    await lake.write([rowOf('c-1', 'customer.end', T0 + 24 * HOUR)]);

    const erased = await lake.erase('c-1');

    expect(erased).toBe(2);
    expect(await count(lake, "conversation_id = 'c-1'")).toBe(0);
    expect(await count(lake)).toBe(1);
  });

  it('drops the rows received before the retention cutoff', async () => {
    await lake.write([rowOf('c-1', 'customer.start', T0), rowOf('c-2', 'customer.start', T0 + HOUR)]);

    const expired = await lake.expire(iso(T0 + 30 * 60_000));

    expect(expired).toBe(1);
    expect(await count(lake)).toBe(1);
  });

  it('compacts a partition once it has many small files, losing no row', async () => {
    for (let index = 0; index < COMPACT_AT_FILES; index += 1) await lake.write([rowOf(`c-${index}`, 'acw', T0)]);

    expect(lakeFiles(dir).files('2091-06-15')).toHaveLength(1);
    expect(await count(lake)).toBe(COMPACT_AT_FILES);
  });
});
