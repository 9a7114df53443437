import { GenesysEventsError } from '@genesys-events/core';
import { Command, CommanderError } from 'commander';
import { CliError, oneLine } from './cli/errors';
import { type CliIo, nodeIo } from './cli/io';
import { registerBackfill } from './commands/backfill';
import { registerDoctor } from './commands/doctor';
import { registerForget } from './commands/forget';
import { registerLake } from './commands/lake';
import { registerNewService } from './commands/new-service';
import { registerRedrive } from './commands/redrive';
import { registerReplay } from './commands/replay';
import { registerSend } from './commands/send';
import { registerSign } from './commands/sign';
import { registerToken } from './commands/token';
import { registerTrigger } from './commands/trigger';
import { NoAnswerError } from './http/post';

/**
 * The whole command tree, writing through `io`. Commander's own exits are turned into exceptions so that
 * `run` decides the exit code, and a test can run a command in-process.
 *
 * @example
 * ```ts
 * await buildProgram(io).parseAsync(['trigger', '--list'], { from: 'user' });
 * ```
 */
export const buildProgram = (io: CliIo): Command => {
  const program = new Command('genesys-events')
    .description(
      'Sign, send, trigger, replay, diagnose, redrive and backfill Genesys Cloud events; query the event lake; get access tokens.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      '\nSecrets come from GENESYS_WEBHOOK_SECRETS, OPEN_MESSAGING_SECRETS, EVENTBRIDGE_API_KEYS and\nEVENTBRIDGE_API_KEY_HEADER, else from .env.dev; the first entry of a list signs. --url defaults to\nhttp://127.0.0.1:3000 (npm run dev); access tokens come from OIDC_ISSUER_URL (the local issuer).',
    );
  // Subcommands made with program.command() inherit exitOverride and the output settings above.
  for (const register of [
    registerSign,
    registerSend,
    registerTrigger,
    registerReplay,
    registerDoctor,
    registerRedrive,
    registerBackfill,
    registerForget,
    registerNewService,
    registerToken,
    registerLake,
  ]) {
    register(program, io);
  }
  return program;
};

/**
 * Runs the CLI on arguments (without `node` and the script) and returns the exit code: 0 on success, 1 with a
 * one-line reason on standard error when something failed, 2 for a usage error.
 *
 * @example
 * ```ts
 * process.exitCode = await run({ argv: process.argv.slice(2), io: nodeIo(repoRoot) });
 * ```
 */
export const run = async ({ argv, io }: { argv: readonly string[]; io: CliIo }): Promise<number> => {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its message (usage errors) or the help.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    const known = error instanceof CliError || error instanceof GenesysEventsError || error instanceof NoAnswerError;
    io.stderr.write(`genesys-events: ${known ? '' : 'failed: '}${oneLine(error)}\n`);
    return exitCode;
  }
};

/**
 * The entry point `bin/genesys-events.mjs` calls with the repository root.
 *
 * @example
 * ```ts
 * process.exitCode = await main({ argv: process.argv.slice(2), root });
 * ```
 */
export const main = ({ argv, root }: { argv: readonly string[]; root: string }): Promise<number> => {
  // A reader that stops early (`| head`) is not a failure of the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return run({ argv, io: nodeIo(root) });
};
