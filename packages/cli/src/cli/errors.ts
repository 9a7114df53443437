/**
 * A failure the CLI explains in one line and exits non-zero with. Anything else that escapes a command is a
 * bug, reported as such.
 *
 * @example
 * ```ts
 * throw new CliError('no secret to sign with: set GENESYS_WEBHOOK_SECRETS or pass --secret');
 * ```
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, { exitCode = 1, cause }: { exitCode?: number; cause?: unknown } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * The one-line message of anything thrown: multi-line messages (zod, undici) are folded so that the
 * "one line on failure" promise holds whatever failed.
 *
 * @example
 * ```ts
 * oneLine(new Error('fetch failed\n  at ...')); // 'fetch failed at ...'
 * ```
 */
export const oneLine = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
};
