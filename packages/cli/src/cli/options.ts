import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_URL } from '../config/settings';
import { DEFAULT_TIMEOUT_MS } from '../http/post';

/**
 * The options every command that talks to the system shares.
 *
 * @example
 * ```ts
 * const target: TargetOptions = { url: 'http://127.0.0.1:3000', timeout: 10_000, json: true };
 * ```
 */
export interface TargetOptions {
  readonly url: string;
  readonly timeout: number;
  readonly json?: boolean;
}

/**
 * Overrides of the configured secrets.
 *
 * @example
 * ```ts
 * const credentials: CredentialOptions = { secret: 'rotated-secret' };
 * ```
 */
export interface CredentialOptions {
  readonly secret?: string;
  readonly apiKey?: string;
}

/**
 * A commander parser for a positive number option; a bad value is a usage error naming the option.
 *
 * @example
 * ```ts
 * command.option('--rate <n>', 'events per second', positiveNumber('--rate'), 20);
 * ```
 */
export const positiveNumber =
  (name: string, { integer = false } = {}) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
      throw new InvalidArgumentError(`${name} takes a positive ${integer ? 'integer' : 'number'}`);
    }
    return number;
  };

/**
 * A commander parser for a count that may be zero (`--retries 0`).
 *
 * @example
 * ```ts
 * command.option('--retries <n>', 'retries', nonNegativeInteger, 5);
 * ```
 */
export const nonNegativeInteger = (value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return number;
};

/**
 * Adds `--url`, `--timeout` and `--json`.
 *
 * @example
 * ```ts
 * withTarget(program.command('send'));
 * ```
 */
export const withTarget = (command: Command): Command =>
  command
    .option('--url <url>', 'base URL of the system', DEFAULT_URL)
    .option(
      '--timeout <ms>',
      'how long to wait for an answer, in milliseconds',
      positiveNumber('--timeout', { integer: true }),
      DEFAULT_TIMEOUT_MS,
    )
    .option('--json', 'machine-readable output');

/**
 * Adds `--secret` and `--api-key`, which replace the first entry of the configured lists.
 *
 * @example
 * ```ts
 * withCredentials(program.command('send'));
 * ```
 */
export const withCredentials = (command: Command): Command =>
  command
    .option('--secret <secret>', 'sign with this secret instead of the first configured one')
    .option('--api-key <key>', 'send this API key instead of the first of EVENTBRIDGE_API_KEYS');

/**
 * Collects a repeatable option into a list.
 *
 * @example
 * ```ts
 * command.option('--set <path=value>', 'override a body field', collect, []);
 * ```
 */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];
