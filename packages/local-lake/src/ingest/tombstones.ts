import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The conversations erased from the lake, kept (like the stores' tombstones) for the retention period. */
export interface Tombstones {
  readonly has: (conversationId: string) => boolean;
  readonly add: (conversationId: string, at: Date) => void;
  /** Forgets tombstones older than `cutoff`; answers how many went. */
  readonly prune: (cutoff: Date) => number;
}

const FILE = 'erased-conversations.json';

/**
 * The lake's tombstones, in `<dir>/erased-conversations.json` (conversation ids and times only). A late event
 * of an erased conversation is not written, as the stores refuse it.
 *
 * @example
 * ```ts
 * const tombstones = lakeTombstones('.local-data/lake');
 * if (tombstones.has(row.conversation_id)) return 'erased';
 * ```
 */
export const lakeTombstones = (dir: string): Tombstones => {
  const path = join(dir, FILE);
  const erased = new Map<string, string>(existsSync(path) ? Object.entries(readJson(path)) : []);
  const save = () => {
    // Written aside and renamed, so a crash never leaves half a file.
    writeFileSync(`${path}.tmp`, JSON.stringify(Object.fromEntries(erased)));
    renameSync(`${path}.tmp`, path);
  };
  return {
    has: (conversationId) => erased.has(conversationId),
    add: (conversationId, at) => {
      erased.set(conversationId, at.toISOString());
      save();
    },
    prune: (cutoff) => {
      const before = erased.size;
      for (const [conversationId, at] of erased) if (at < cutoff.toISOString()) erased.delete(conversationId);
      if (erased.size !== before) save();
      return before - erased.size;
    },
  };
};

const readJson = (path: string): Record<string, string> => {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
};
