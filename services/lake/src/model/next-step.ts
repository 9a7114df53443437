import type { LakeStatement } from './lake-statements';

/** How many times a failed statement is run before the lake gives up on it (and counts the failure). */
export const MAX_ATTEMPTS = 3;

/** Days of recent partitions the nightly compaction rewrites (Firehose commits small files all day). */
export const OPTIMIZE_DAYS = 3;

/** What to do once a lake statement's query finished. */
export type NextStep =
  | { readonly action: 'start'; readonly statement: LakeStatement }
  | {
      readonly action: 'report-erasure';
      readonly conversationId: string;
      readonly requestId: string;
      readonly rows: number;
    }
  | { readonly action: 'done' }
  | { readonly action: 'give-up'; readonly statement: LakeStatement };

/**
 * The step after a lake statement's query ended. Success moves the chain on (count, then delete, then report;
 * expire, then optimize, then vacuum); failure runs the same statement again, up to {@link MAX_ATTEMPTS}.
 * `rows` is what a succeeded count query answered; `today` is the UTC day (`YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * nextStep(countStatement, { succeeded: true, rows: 31, today: '2091-06-15' });
 * // { action: 'start', statement: { kind: 'erasure-delete', ..., rows: 31, attempt: 1 } }
 * ```
 */
export const nextStep = (
  statement: LakeStatement,
  { succeeded, rows = 0, today }: { succeeded: boolean; rows?: number; today: string },
): NextStep => {
  if (!succeeded) {
    return statement.attempt < MAX_ATTEMPTS
      ? { action: 'start', statement: { ...statement, attempt: statement.attempt + 1 } }
      : { action: 'give-up', statement };
  }
  switch (statement.kind) {
    case 'erasure-count':
      return {
        action: 'start',
        statement: {
          kind: 'erasure-delete',
          conversationId: statement.conversationId,
          requestId: statement.requestId,
          rows,
          attempt: 1,
        },
      };
    case 'erasure-delete':
      return {
        action: 'report-erasure',
        conversationId: statement.conversationId,
        requestId: statement.requestId,
        rows: statement.rows,
      };
    case 'expire':
      return { action: 'start', statement: { kind: 'optimize', since: daysBefore(today, OPTIMIZE_DAYS), attempt: 1 } };
    case 'optimize':
      return { action: 'start', statement: { kind: 'vacuum', attempt: 1 } };
    case 'vacuum':
      return { action: 'done' };
  }
};

const daysBefore = (day: string, days: number): string =>
  new Date(Date.parse(day) - days * 86_400_000).toISOString().slice(0, 10);
