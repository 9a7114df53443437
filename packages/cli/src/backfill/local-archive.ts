import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { CliError } from '../cli/errors';
import type { EventPattern } from './event-pattern';

/**
 * One rule of a service under `npm run dev`: the function it targets and its pattern, as
 * `@genesys-events/local-archive` writes them to `<archive dir>/rules.json` when the local system starts.
 *
 * @example
 * ```ts
 * const rule: LocalRule = { function: 'consumeAnalyticsEvent', functionName: 'genesys-events-dev-consumeAnalyticsEvent', pattern: { 'detail-type': ['conversation:created'] } };
 * ```
 */
export interface LocalRule {
  readonly function: string;
  readonly functionName: string;
  readonly pattern: EventPattern;
}

/**
 * The local system's rules by service, and where its functions are invoked.
 *
 * @example
 * ```ts
 * const rules: LocalRules = { appBus: 'genesys-events-dev', lambdaEndpoint: 'http://127.0.0.1:3002', account: '000000000000', region: 'eu-west-1', services: {} };
 * ```
 */
export interface LocalRules {
  readonly appBus: string;
  readonly lambdaEndpoint: string;
  readonly account: string;
  readonly region: string;
  readonly services: Readonly<Record<string, readonly LocalRule[]>>;
}

/**
 * An event of the local archive: one line of `<archive dir>/events-<UTC day>.ndjson`.
 *
 * @example
 * ```ts
 * const archived: ArchivedEvent = { id: 'a74d...', time: '2025-03-14T09:26:53.589Z', source: 'genesys-events.webhooks', 'detail-type': 'conversation:created', detail: {}, resources: [] };
 * ```
 */
export interface ArchivedEvent {
  readonly id: string;
  readonly time: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: Record<string, unknown>;
  readonly resources: readonly string[];
}

/**
 * The local archive's folder: `--archive-dir`, else LOCAL_ARCHIVE_DIR (as the local system was started
 * with), else `.local-data/archive`; relative paths from the repository root, as offline resolves them.
 *
 * @example
 * ```ts
 * archiveDirOf({ root: '/repo', env: {} }); // '/repo/.local-data/archive'
 * ```
 */
export const archiveDirOf = (
  { root, env }: { root: string; env: Readonly<Record<string, string | undefined>> },
  option?: string,
): string => {
  const dir = option ?? env.LOCAL_ARCHIVE_DIR ?? '.local-data/archive';
  return isAbsolute(dir) ? dir : resolve(root, dir);
};

/**
 * Reads the local rules the local system wrote when it started.
 *
 * @example
 * ```ts
 * const rules = await readLocalRules('/repo/.local-data/archive');
 * ```
 */
export const readLocalRules = async (dir: string): Promise<LocalRules> => {
  const file = join(dir, 'rules.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalRules;
  } catch (error) {
    throw new CliError(`no local rules in ${file}: start the local system first (npm run dev)`, { cause: error });
  }
};

const DAY_FILE = /^events-(\d{4}-\d{2}-\d{2})\.ndjson$/;
const DAY_MS = 86_400_000;

/**
 * The archived events with `from <= time < to`, in time order; only the day files the window touches are
 * read. Lines are split on `\n` alone, as the writer ends them: JSON keeps U+2028, U+2029 unescaped, and
 * readline would split there. A last line without its newline is still being written and is left for the
 * next backfill; lines that are not archive records are counted in `skipped`.
 *
 * @example
 * ```ts
 * const { events } = await readArchiveWindow({ dir, from: new Date('2025-03-14'), to: new Date('2025-03-15') });
 * ```
 */
export const readArchiveWindow = async ({
  dir,
  from,
  to,
}: {
  dir: string;
  from: Date;
  to: Date;
}): Promise<{ events: ArchivedEvent[]; skipped: number }> => {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => {
    const day = DAY_FILE.exec(name)?.[1];
    if (day === undefined) return false;
    const start = Date.parse(`${day}T00:00:00Z`);
    return start < to.getTime() && start + DAY_MS > from.getTime();
  });
  const events: ArchivedEvent[] = [];
  let skipped = 0;
  for (const name of names.sort()) {
    const lines = (await readFile(join(dir, name), 'utf8')).split('\n');
    // The last piece: empty after a final newline, or a line still being appended.
    for (const line of lines.slice(0, -1)) {
      if (line.trim() === '') continue;
      const event = archivedEvent(line);
      if (!event) skipped += 1;
      else if (Date.parse(event.time) >= from.getTime() && Date.parse(event.time) < to.getTime()) events.push(event);
    }
  }
  return { events: events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time)), skipped };
};

const archivedEvent = (line: string): ArchivedEvent | undefined => {
  try {
    const value = JSON.parse(line) as Partial<ArchivedEvent>;
    const valid =
      typeof value.id === 'string' &&
      typeof value.time === 'string' &&
      !Number.isNaN(Date.parse(value.time)) &&
      typeof value.source === 'string' &&
      typeof value['detail-type'] === 'string' &&
      typeof value.detail === 'object' &&
      value.detail !== null;
    return valid ? (value as ArchivedEvent) : undefined;
  } catch {
    return undefined;
  }
};
