import cliProgress from 'cli-progress';
import type { CliIo } from './io';

/**
 * Prints a value as one line of JSON, so that `--json` output is easy to pipe and its last line easy to parse.
 *
 * @example
 * ```ts
 * printJson(io, { sent: 3, accepted: 3, duplicate: 0, rejected: 0, failed: 0 });
 * ```
 */
export const printJson = (io: Pick<CliIo, 'stdout'>, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value)}\n`);
};

/**
 * Prints a line of the result on standard output.
 *
 * @example
 * ```ts
 * printLine(io, conversationId);
 * ```
 */
export const printLine = (io: Pick<CliIo, 'stdout'>, text: string): void => {
  io.stdout.write(`${text}\n`);
};

/**
 * Prints a line about the work (progress, per-item reports) on standard error, keeping standard output for
 * the result.
 *
 * @example
 * ```ts
 * report(io, 'line 7: not valid JSON');
 * ```
 */
export const report = (io: Pick<CliIo, 'stderr'>, text: string): void => {
  io.stderr.write(`${text}\n`);
};

/**
 * A progress display: a bar on a terminal, nothing otherwise.
 *
 * @example
 * ```ts
 * progress.advance();
 * progress.stop();
 * ```
 */
export interface Progress {
  advance(by?: number): void;
  grow(total: number): void;
  stop(): void;
}

const silent: Progress = { advance: () => {}, grow: () => {}, stop: () => {} };

/**
 * A progress bar, only when standard output is a terminal and the output is not `--json`: a bar in a pipe or
 * a log file is noise, and in JSON it would break the parse.
 *
 * @example
 * ```ts
 * const progress = progressBar(io, { total: lines.length, json: options.json, label: 'replay' });
 * progress.advance();
 * progress.stop();
 * ```
 */
export const progressBar = (
  io: Pick<CliIo, 'stdout'>,
  { total, json, label }: { total: number; json: boolean; label: string },
): Progress => {
  if (json || io.stdout.isTTY !== true) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {percentage}% {duration_formatted}`,
      stream: io.stdout as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let target = total;
  return {
    advance: (by = 1) => bar.increment(by),
    grow: (next) => {
      if (next <= target) return;
      target = next;
      bar.setTotal(target);
    },
    stop: () => bar.stop(),
  };
};
