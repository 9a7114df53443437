import type { Command } from 'commander';
import { isoInstant, replayNameFor } from '../backfill/window';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { positiveNumber } from '../cli/options';
import { printJson, printLine } from '../cli/output';

interface BackfillOptions {
  readonly service: string;
  readonly from: Date;
  readonly to: Date;
  readonly stage?: string;
  readonly region?: string;
  readonly wait?: boolean;
  readonly pollInterval: number;
  readonly archiveDir?: string;
  readonly json?: boolean;
}

/** The stage `npm run dev` runs: its archive is the local one. */
const LOCAL_STAGE = 'dev';

/**
 * `genesys-events backfill --service <name> --from <iso> --to <iso>`: replays the app bus's archived events
 * of a window to one service's rules only. With `--stage <stage>` (not `dev`), an EventBridge replay from
 * the stage's archive; without, the local archive of `npm run dev`, delivered to the service's functions.
 *
 * @example
 * ```ts
 * registerBackfill(program, io); // genesys-events backfill --service analytics --from 2025-03-01 --to 2025-03-14 --stage prod --wait
 * ```
 */
export const registerBackfill = (program: Command, io: CliIo): Command =>
  program
    .command('backfill')
    .description("replay the app bus's archived events of a window to one service's rules only")
    .requiredOption(
      '--service <name>',
      'the service (a folder of services/; deployed as genesys-events-<service>-<stage>)',
    )
    .requiredOption(
      '--from <iso>',
      'window start, inclusive: ISO 8601 with a zone, or a date (UTC)',
      isoInstant('--from'),
    )
    .requiredOption('--to <iso>', 'window end, exclusive', isoInstant('--to'))
    .option(
      '--stage <stage>',
      'a deployed stage: replay from its EventBridge archive (none, or dev: the local archive)',
    )
    .option('--region <region>', 'AWS region (default: from the AWS environment)')
    .option('--wait', 'with --stage: poll the replay until it ends')
    .option('--poll-interval <seconds>', 'with --wait: seconds between polls', positiveNumber('--poll-interval'), 15)
    .option('--archive-dir <dir>', 'locally: the archive folder (default: LOCAL_ARCHIVE_DIR, else .local-data/archive)')
    .option('--json', 'one JSON line')
    .addHelpText(
      'after',
      '\nIn the cloud it uses the standard AWS credentials and endpoint variables (AWS_PROFILE, ...). Locally the\nsystem must be running (npm run dev): events go through its Lambda API to the matching functions.',
    )
    .action(async (options: BackfillOptions) => {
      if (options.from.getTime() >= options.to.getTime()) {
        throw new CliError('--from must be before --to', { exitCode: 2 });
      }
      const request = {
        service: options.service,
        from: options.from,
        to: options.to,
        replayName: replayNameFor(options.service, new Date()),
        json: options.json === true,
      };
      const outcome =
        options.stage === undefined || options.stage === LOCAL_STAGE
          ? await (await import('../backfill/run-local')).backfillLocally(io, {
              ...request,
              archiveDir: options.archiveDir,
            })
          : await (await import('../backfill/run-cloud')).backfillInCloud(io, {
              ...request,
              stage: options.stage,
              region: options.region,
              wait: options.wait === true,
              pollIntervalMs: options.pollInterval * 1000,
            });
      if (options.json) printJson(io, outcome.json);
      else printLine(io, outcome.line);
      if (outcome.failure) throw new CliError(outcome.failure);
    });
