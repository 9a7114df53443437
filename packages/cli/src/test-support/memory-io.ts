import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli/io';
import { run } from '../main';

/** The dev-only values of `.env.dev`, written to a temporary root so tests never read the real one. */
export const TEST_ENV_FILE = [
  'GENESYS_WEBHOOK_SECRETS=test-genesys-secret,test-genesys-secret-previous',
  'OPEN_MESSAGING_SECRETS=test-open-messaging-secret',
  'EVENTBRIDGE_API_KEYS=test-api-key',
  'EVENTBRIDGE_API_KEY_HEADER=x-api-key',
].join('\n');

/** A temporary directory to act as the repository root (and the current directory), with a `.env.dev`. */
export const temporaryRoot = (envFile = TEST_ENV_FILE): string => {
  const root = mkdtempSync(join(tmpdir(), 'genesys-events-cli-'));
  writeFileSync(join(root, '.env.dev'), envFile);
  return root;
};

/** What a command run in memory printed, and its exit code. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process with buffered output, an empty environment unless given, and a temporary root.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCli(['trigger', '--list']);
 * ```
 */
export const runCli = async (
  argv: readonly string[],
  {
    env = {},
    stdin = '',
    root = temporaryRoot(),
    tty = false,
  }: Partial<Omit<CliIo, 'stdout' | 'stderr'>> & {
    stdin?: string;
    tty?: boolean;
  } = {},
): Promise<RunResult> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => stdin,
    env,
    cwd: root,
    root,
  };
  const code = await run({ argv, io });
  return { code, stdout, stderr };
};
