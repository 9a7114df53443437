import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CliError } from '../cli/errors';
import { type ArchivedEvent, archiveDirOf, readArchiveWindow, readLocalRules } from './local-archive';

const archived = (id: string, time: string): ArchivedEvent => ({
  id,
  time,
  source: 'genesys-events.webhooks',
  'detail-type': 'conversation:created',
  detail: { eventBody: { id } },
  resources: [],
});

const archiveWith = (files: Record<string, readonly (ArchivedEvent | string)[]>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'backfill-archive-'));
  for (const [name, lines] of Object.entries(files)) {
    const text = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
    writeFileSync(join(dir, name), `${text}\n`);
  }
  return dir;
};

describe('readArchiveWindow', () => {
  it('returns the events with from <= time < to, across day files, in time order', async () => {
    const dir = archiveWith({
      'events-2025-03-13.ndjson': [
        archived('before', '2025-03-13T23:59:59.999Z'),
        archived('late-13', '2025-03-13T23:00:00.000Z'),
      ],
      'events-2025-03-14.ndjson': [
        archived('b', '2025-03-14T10:00:00.000Z'),
        archived('a', '2025-03-14T09:00:00.000Z'),
      ],
      'events-2025-03-15.ndjson': [archived('at-to', '2025-03-15T00:00:00.000Z')],
    });

    const { events, skipped } = await readArchiveWindow({
      dir,
      from: new Date('2025-03-13T23:30:00Z'),
      to: new Date('2025-03-15T00:00:00Z'),
    });

    expect(events.map(({ id }) => id)).toEqual(['before', 'a', 'b']);
    expect(skipped).toBe(0);
  });

  it('splits lines on newlines only: U+2028, U+2029 and carriage returns stay inside a record', async () => {
    const text = { ...archived('odd', '2025-03-14T09:00:00.000Z'), detail: { text: 'a\u2028b\u2029c\rd' } };
    const dir = archiveWith({ 'events-2025-03-14.ndjson': [text] });

    const { events, skipped } = await readArchiveWindow({
      dir,
      from: new Date('2025-03-14'),
      to: new Date('2025-03-15'),
    });

    expect(events.map(({ detail }) => detail)).toEqual([{ text: 'a\u2028b\u2029c\rd' }]);
    expect(skipped).toBe(0);
  });

  it('leaves a last line still being written for later', async () => {
    const dir = archiveWith({});
    const first = JSON.stringify(archived('a', '2025-03-14T09:00:00.000Z'));
    writeFileSync(join(dir, 'events-2025-03-14.ndjson'), `${first}\n{"id":"b","time":"2025-03-14T09:0`);

    const { events, skipped } = await readArchiveWindow({
      dir,
      from: new Date('2025-03-14'),
      to: new Date('2025-03-15'),
    });

    expect(events.map(({ id }) => id)).toEqual(['a']);
    expect(skipped).toBe(0);
  });

  it('skips (and counts) lines that are not archive records', async () => {
    const dir = archiveWith({
      'events-2025-03-14.ndjson': [archived('a', '2025-03-14T09:00:00.000Z'), '{"id":"half', '{"id":"x"}', ''],
    });

    const { events, skipped } = await readArchiveWindow({
      dir,
      from: new Date('2025-03-14'),
      to: new Date('2025-03-15'),
    });

    expect(events.map(({ id }) => id)).toEqual(['a']);
    expect(skipped).toBe(2);
  });

  it('reads nothing from files outside the window or not of the archive, and nothing from a missing folder', async () => {
    const dir = archiveWith({ 'events-2025-01-01.ndjson': ['not even json'], 'rules.json': ['{}'] });

    expect(await readArchiveWindow({ dir, from: new Date('2025-03-14'), to: new Date('2025-03-15') })).toEqual({
      events: [],
      skipped: 0,
    });
    expect((await readArchiveWindow({ dir: join(dir, 'missing'), from: new Date(0), to: new Date() })).events).toEqual(
      [],
    );
  });
});

describe('readLocalRules', () => {
  it('tells to start the local system when it has written no rules', async () => {
    const read = readLocalRules(archiveWith({}));

    await expect(read).rejects.toThrow(CliError);
    await expect(read).rejects.toThrow('start the local system first');
  });
});

describe('archiveDirOf', () => {
  it.each([
    [{}, undefined, '/repo/.local-data/archive'],
    [{ LOCAL_ARCHIVE_DIR: 'tmp/archive' }, undefined, '/repo/tmp/archive'],
    [{ LOCAL_ARCHIVE_DIR: '/abs/archive' }, undefined, '/abs/archive'],
    [{ LOCAL_ARCHIVE_DIR: '/abs/archive' }, 'mine', '/repo/mine'],
  ])('env %j, option %p: %s', (env, option, expected) => {
    expect(archiveDirOf({ root: '/repo', env }, option)).toBe(expected);
  });
});
