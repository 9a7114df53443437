import { oneLine } from '../cli/errors';
import { type Answer, describeAnswer } from '../http/post';
import type { PreparedRequest } from '../http/transports';
import { deliverWithRetries, type Outcome, outcomeOf, type RetryPolicy } from './retry';

/**
 * The counts a replay ends with; `sent` is every line read, so it is the sum of the four others.
 *
 * @example
 * ```ts
 * const { accepted, duplicate } = await replay(options);
 * ```
 */
export interface ReplaySummary {
  sent: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  failed: number;
}

/**
 * One line's fate, for the report.
 *
 * @example
 * ```ts
 * replay({ ...options, onLine: (report: LineReport) => console.error(report.line, report.outcome) });
 * ```
 */
export interface LineReport {
  readonly line: number;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly attempts: number;
}

/**
 * A line of the file with its line number (1-based, blank lines skipped).
 *
 * @example
 * ```ts
 * const [first]: NumberedLine[] = numberedLines(text);
 * ```
 */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/**
 * What a replay needs: the lines, how to turn one into a request and how to make one attempt.
 *
 * @example
 * ```ts
 * await replay({ lines, prepare, attempt: (request) => post(url, request), rate: 20, concurrency: 5, retry });
 * ```
 */
export interface ReplayOptions {
  readonly lines: readonly NumberedLine[];
  /** Signs a line for its route; throws for a line that cannot be sent (invalid JSON). */
  readonly prepare: (text: string) => PreparedRequest;
  readonly attempt: (request: PreparedRequest) => Promise<Answer>;
  /** Lines started per second. */
  readonly rate: number;
  /** Lines in flight at once, retries included. */
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  readonly onLine?: (report: LineReport) => void;
}

/**
 * Splits NDJSON text into numbered, non-blank lines.
 *
 * @example
 * ```ts
 * numberedLines('{"a":1}\n\n{"b":2}\n'); // [{ line: 1, text: '{"a":1}' }, { line: 3, text: '{"b":2}' }]
 * ```
 */
export const numberedLines = (text: string): NumberedLine[] =>
  text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line }))
    .filter(({ text: line }) => line.trim().length > 0);

/**
 * Replays lines at a steady rate with bounded concurrency, retrying each the way Genesys retries, and counts
 * the outcomes. A line that cannot be prepared counts as rejected without a request; nothing a line contains
 * stops the replay.
 *
 * @example
 * ```ts
 * const summary = await replay({ lines, prepare, attempt, rate: 20, concurrency: 5, retry: GENESYS_RETRY_POLICY });
 * ```
 */
export const replay = async (options: ReplayOptions): Promise<ReplaySummary> => {
  const summary: ReplaySummary = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, failed: 0 };
  const interval = 1000 / options.rate;
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.lines.length; index = next++) {
      // Line n starts no earlier than n intervals after the start, whatever the concurrency.
      const wait = started + index * interval - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const line = options.lines[index] as NumberedLine;
      const lineReport = await replayLine(line, options);
      summary.sent += 1;
      summary[lineReport.outcome] += 1;
      options.onLine?.(lineReport);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, options.lines.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
};

const replayLine = async (line: NumberedLine, options: ReplayOptions): Promise<LineReport> => {
  let request: PreparedRequest;
  try {
    request = options.prepare(line.text);
  } catch (error) {
    return { line: line.line, outcome: 'rejected', detail: oneLine(error), attempts: 0 };
  }
  const delivery = await deliverWithRetries(() => options.attempt(request), options.retry);
  const detail = delivery.kind === 'answered' ? describeAnswer(delivery.answer) : `gave up: ${delivery.reason}`;
  return { line: line.line, outcome: outcomeOf(delivery), detail, attempts: delivery.attempts };
};
