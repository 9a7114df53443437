'use strict';
// The local app bus's archive: every event put on the app bus, one JSON line each, in one file per UTC day
// (<dir>/events-YYYY-MM-DD.ndjson), so that `genesys-events backfill` reads only the days of its window and
// a day leaves whole once it is past the retention, as the cloud archive's RetentionDays drops events.
const { randomUUID } = require('node:crypto');
const { appendFile, mkdir, readdir, rm } = require('node:fs/promises');
const { join } = require('node:path');

const DAY_FILE = /^events-(\d{4}-\d{2}-\d{2})\.ndjson$/;
const DAY_MS = 86_400_000;

/**
 * The archive file that holds the events of a time's UTC day.
 *
 * @example
 * dayFileName('2025-03-14T09:26:53.589Z'); // 'events-2025-03-14.ndjson'
 */
const dayFileName = (isoTime) => `events-${isoTime.slice(0, 10)}.ndjson`;

/**
 * Whether a PutEvents entry goes to the bus, named or by ARN (PutEvents takes both); an entry without a
 * bus goes to the default bus, which has no archive.
 *
 * @example
 * isOnBus({ EventBusName: 'genesys-events-dev' }, 'genesys-events-dev'); // true
 */
function isOnBus(entry, busName) {
  const name = entry?.EventBusName;
  if (typeof name !== 'string') return false;
  return name === busName || name.endsWith(`:event-bus/${busName}`);
}

/**
 * The archive record of a PutEvents entry: what EventBridge keeps of an event (source, detail-type, detail,
 * resources) with an id of its own and the time the bus received it; undefined for an entry without a
 * source, a detail-type or a JSON object detail (PutEvents refuses those too).
 *
 * @example
 * recordOf({ Source: 's', DetailType: 't', Detail: '{}' }, { now: () => 0, newId: () => 'id-1' });
 * // { id: 'id-1', time: '1970-01-01T00:00:00.000Z', source: 's', 'detail-type': 't', detail: {}, resources: [] }
 */
function recordOf(entry, { now, newId }) {
  if (typeof entry?.Source !== 'string' || typeof entry.DetailType !== 'string') return undefined;
  let detail;
  try {
    detail = JSON.parse(entry.Detail);
  } catch {
    return undefined;
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return undefined;
  return {
    id: newId(),
    time: new Date(now()).toISOString(),
    source: entry.Source,
    'detail-type': entry.DetailType,
    detail,
    resources: Array.isArray(entry.Resources) ? entry.Resources : [],
  };
}

/**
 * An archive writer for one bus. `record` takes the entries of one PutEvents call (and the time the bus
 * received them, now unless given), keeps those of the bus and appends them in order; writes are chained,
 * so lines never interleave, and the lines recorded while a write is under way go out together in the next
 * one (one append per file instead of one per call). A failed write is logged, never thrown: the archive
 * must not break the bus it listens to. `flush` waits for the writes so far.
 *
 * @example
 * const writer = createArchiveWriter({ dir: '.local-data/archive', busName: 'genesys-events-dev' });
 * writer.record([{ EventBusName: 'genesys-events-dev', Source: 's', DetailType: 't', Detail: '{}' }]); // 1
 * await writer.flush();
 */
function createArchiveWriter({ dir, busName, now = Date.now, newId = randomUUID, log = () => {} }) {
  let pending = mkdir(dir, { recursive: true }).catch((error) => log(`cannot create ${dir}: ${error.message}`));
  // Lines of each file recorded but not yet handed to a write.
  const queued = new Map();
  const append = (file, text) => {
    const scheduled = queued.has(file);
    queued.set(file, `${queued.get(file) ?? ''}${text}`);
    if (scheduled) return;
    pending = pending
      .then(() => {
        const lines = queued.get(file);
        queued.delete(file);
        return appendFile(join(dir, file), lines);
      })
      .catch((error) => log(`cannot append to ${join(dir, file)}: ${error.message}`));
  };
  return {
    record(entries, at = now()) {
      const byFile = new Map();
      for (const entry of Array.isArray(entries) ? entries : []) {
        const record = isOnBus(entry, busName) ? recordOf(entry, { now: () => at, newId }) : undefined;
        if (!record) continue;
        const file = dayFileName(record.time);
        byFile.set(file, `${byFile.get(file) ?? ''}${JSON.stringify(record)}\n`);
      }
      for (const [file, text] of byFile) append(file, text);
      return [...byFile.values()].reduce((count, text) => count + text.split('\n').length - 1, 0);
    },
    flush: () => pending,
  };
}

/**
 * Removes the day files whose every event is older than `retentionDays`; returns their names. 0 (or no
 * number) keeps everything, as an EventBridge archive's RetentionDays 0 does.
 *
 * @example
 * await pruneArchive({ dir: '.local-data/archive', retentionDays: 30 }); // ['events-2025-01-01.ndjson']
 */
async function pruneArchive({ dir, retentionDays, now = Date.now }) {
  if (!(retentionDays > 0)) return [];
  const names = await readdir(dir).catch(() => []);
  const expired = names.filter((name) => {
    const day = DAY_FILE.exec(name)?.[1];
    return day !== undefined && Date.parse(`${day}T00:00:00Z`) + DAY_MS + retentionDays * DAY_MS <= now();
  });
  await Promise.all(expired.map((name) => rm(join(dir, name), { force: true })));
  return expired.sort();
}

module.exports = { createArchiveWriter, pruneArchive, recordOf, isOnBus, dayFileName };
