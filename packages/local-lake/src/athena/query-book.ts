import { randomUUID } from 'node:crypto';
import type { TabularResult } from '../store/lake-reader';

/** One query the local Athena endpoint was asked to run, as GetQueryExecution describes it. */
export interface QueryRecord {
  readonly id: string;
  readonly sql: string;
  readonly workGroup: string;
  readonly database: string;
  readonly submittedAt: Date;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  completedAt?: Date;
  result?: TabularResult;
  reason?: string;
}

/** The queries of the local endpoint, newest kept (results of a few hundred queries at most). */
export interface QueryBook {
  /** Starts bookkeeping of a query, or finds the one a repeated client request token already started. */
  readonly open: (input: { sql: string; workGroup: string; database: string; token?: string }) => {
    record: QueryRecord;
    isNew: boolean;
  };
  readonly get: (id: string) => QueryRecord | undefined;
}

/**
 * A bounded book of queries: the oldest are forgotten past `capacity`, as Athena forgets results after
 * their retention (a forgotten id answers as unknown).
 *
 * @example
 * ```ts
 * const { record, isNew } = queryBook().open({ sql, workGroup: 'primary', database: 'lake' });
 * ```
 */
export const queryBook = ({ capacity = 300, now = () => new Date() } = {}): QueryBook => {
  const records = new Map<string, QueryRecord>();
  const byToken = new Map<string, string>();
  return {
    open: ({ sql, workGroup, database, token }) => {
      const known = token ? records.get(byToken.get(token) ?? '') : undefined;
      if (known) return { record: known, isNew: false };
      const record: QueryRecord = { id: randomUUID(), sql, workGroup, database, submittedAt: now(), state: 'QUEUED' };
      records.set(record.id, record);
      if (token) byToken.set(token, record.id);
      for (const id of records.keys()) {
        if (records.size <= capacity) break;
        records.delete(id);
      }
      return { record, isNew: true };
    },
    get: (id) => records.get(id),
  };
};
