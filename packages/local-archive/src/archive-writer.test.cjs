'use strict';
const { mkdtempSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const { createArchiveWriter, pruneArchive, recordOf } = require('./archive-writer.cjs');

const BUS = 'genesys-events-dev';
const freshDir = () => mkdtempSync(join(tmpdir(), 'local-archive-'));
const linesOf = (file) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const entry = (overrides = {}) => ({
  EventBusName: BUS,
  Source: 'genesys-events.webhooks',
  DetailType: 'conversation:created',
  Detail: JSON.stringify({ eventBody: { id: 'c-1' } }),
  ...overrides,
});
const counter = () => {
  let next = 0;
  return () => `id-${++next}`;
};

describe('createArchiveWriter', () => {
  it('appends each event of the app bus as one line with its source, detail-type, detail and receipt time', async () => {
    const dir = freshDir();
    const writer = createArchiveWriter({
      dir,
      busName: BUS,
      now: () => Date.parse('2025-03-14T09:26:53.589Z'),
      newId: counter(),
    });

    const count = writer.record([
      entry(),
      entry({ EventBusName: `arn:aws:events:eu-west-1:000000000000:event-bus/${BUS}` }),
    ]);
    await writer.flush();

    expect(count).toBe(2);
    expect(linesOf(join(dir, 'events-2025-03-14.ndjson'))).toEqual([
      {
        id: 'id-1',
        time: '2025-03-14T09:26:53.589Z',
        source: 'genesys-events.webhooks',
        'detail-type': 'conversation:created',
        detail: { eventBody: { id: 'c-1' } },
        resources: [],
      },
      expect.objectContaining({ id: 'id-2' }),
    ]);
  });

  it('leaves out events of other buses, of the default bus, and entries PutEvents would refuse', async () => {
    const dir = freshDir();
    const writer = createArchiveWriter({ dir, busName: BUS });

    const count = writer.record([
      entry({ EventBusName: 'another-bus' }),
      entry({ EventBusName: undefined }),
      entry({ Detail: 'not json' }),
      entry({ Detail: '[1]' }),
      entry({ DetailType: undefined }),
      null,
    ]);
    await writer.flush();

    expect(count).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the order of batches and starts a new file on a new UTC day', async () => {
    const dir = freshDir();
    const times = ['2025-03-14T23:59:59.999Z', '2025-03-15T00:00:00.000Z', '2025-03-15T00:00:01.000Z'];
    const writer = createArchiveWriter({
      dir,
      busName: BUS,
      now: () => Date.parse(times.shift() ?? ''),
      newId: counter(),
    });

    writer.record([entry()]);
    writer.record([entry()]);
    writer.record([entry()]);
    await writer.flush();

    expect(readdirSync(dir).sort()).toEqual(['events-2025-03-14.ndjson', 'events-2025-03-15.ndjson']);
    expect(linesOf(join(dir, 'events-2025-03-15.ndjson')).map(({ id }) => id)).toEqual(['id-2', 'id-3']);
  });

  it("stamps each batch with the time the bus received it, and keeps every line's order across writes", async () => {
    const dir = freshDir();
    const writer = createArchiveWriter({ dir, busName: BUS, now: () => 0, newId: counter() });
    const at = Date.parse('2025-03-14T09:26:53.589Z');

    for (let batch = 0; batch < 50; batch += 1) writer.record([entry(), entry()], at + batch);
    await writer.flush();
    writer.record([entry()], at + 50);
    await writer.flush();

    const lines = linesOf(join(dir, 'events-2025-03-14.ndjson'));
    expect(lines.map(({ id }) => id)).toEqual(Array.from({ length: 101 }, (_, index) => `id-${index + 1}`));
    expect(lines.map(({ time }) => Date.parse(time) - at)).toEqual([
      ...Array.from({ length: 50 }, (_, batch) => [batch, batch]).flat(),
      50,
    ]);
  });

  it('logs a write it cannot make and does not throw: the archive never breaks the bus', async () => {
    const parent = freshDir();
    const dir = join(parent, 'a-file');
    writeFileSync(dir, 'not a directory');
    const logged = [];
    const writer = createArchiveWriter({ dir, busName: BUS, log: (text) => logged.push(text) });

    expect(writer.record([entry()])).toBe(1);
    await writer.flush();

    expect(logged.length).toBeGreaterThan(0);
  });
});

describe('recordOf', () => {
  it('keeps the resources of an entry', () => {
    const record = recordOf(entry({ Resources: ['arn:x'] }), { now: () => 0, newId: () => 'i' });

    expect(record?.resources).toEqual(['arn:x']);
  });
});

describe('pruneArchive', () => {
  it('removes only the day files whose every event is older than the retention', async () => {
    const dir = freshDir();
    for (const name of [
      'events-2025-03-01.ndjson',
      'events-2025-03-02.ndjson',
      'events-2025-03-03.ndjson',
      'rules.json',
    ]) {
      writeFileSync(join(dir, name), '');
    }
    // 30 days after the end of March 2: that day has just expired, March 3 has not.
    const now = () => Date.parse('2025-04-02T00:00:00.000Z');

    const removed = await pruneArchive({ dir, retentionDays: 30, now });

    expect(removed).toEqual(['events-2025-03-01.ndjson', 'events-2025-03-02.ndjson']);
    expect(readdirSync(dir).sort()).toEqual(['events-2025-03-03.ndjson', 'rules.json']);
  });

  it('keeps everything with a retention of 0, as EventBridge does', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'events-2000-01-01.ndjson'), '');

    expect(await pruneArchive({ dir, retentionDays: 0 })).toEqual([]);
    expect(readdirSync(dir)).toEqual(['events-2000-01-01.ndjson']);
  });

  it('finds nothing to remove in a missing folder', async () => {
    expect(await pruneArchive({ dir: join(freshDir(), 'missing'), retentionDays: 1 })).toEqual([]);
  });
});
