import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './errors';

/**
 * Somewhere text goes: a process stream, or a buffer in tests.
 *
 * @example
 * ```ts
 * const writer: Writer = process.stdout;
 * ```
 */
export interface Writer {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/**
 * Everything a command touches outside itself, so that tests run commands without a process, a terminal
 * or the developer's environment.
 *
 * @example
 * ```ts
 * const io: CliIo = { ...nodeIo(repoRoot), env: { GENESYS_WEBHOOK_SECRETS: 'test-secret' } };
 * ```
 */
export interface CliIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative file arguments are resolved. */
  readonly cwd: string;
  /** The repository root, where `.env.dev` lives. */
  readonly root: string;
}

/**
 * The real process's streams and environment. Through `npm run` and `pnpm` the command runs at the repository
 * root (the toolchain starts pnpm there), so relative file arguments are relative to the root.
 *
 * @example
 * ```ts
 * const io = nodeIo('/work/genesys-events');
 * ```
 */
export const nodeIo = (root: string): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: async () => {
    // Waiting on a terminal for a body nobody is typing looks like a hang.
    if (process.stdin.isTTY) throw new CliError('no body: give a file, or pipe one into standard input');
    return readStream(process.stdin);
  },
  env: process.env,
  cwd: process.cwd(),
  root,
});

const readStream = async (stream: AsyncIterable<Buffer | string>): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Reads a body argument: a file path, or standard input when the path is missing or `-`. The text is returned
 * exactly as stored, trailing newline included, because signatures cover the exact bytes.
 *
 * @example
 * ```ts
 * const body = await readBody(io, 'event.json');
 * ```
 */
export const readBody = async (io: CliIo, file: string | undefined): Promise<string> => {
  if (file === undefined || file === '-') return io.readStdin();
  try {
    return await readFile(resolveFile(io, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`, { cause: error });
  }
};

/**
 * Resolves a file argument against the working directory.
 *
 * @example
 * ```ts
 * resolveFile(io, 'events.ndjson'); // '/work/genesys-events/events.ndjson'
 * ```
 */
export const resolveFile = (io: CliIo, file: string): string => (isAbsolute(file) ? file : resolve(io.cwd, file));
