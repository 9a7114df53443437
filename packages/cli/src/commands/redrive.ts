import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { positiveNumber } from '../cli/options';
import { printJson, printLine, progressBar, report } from '../cli/output';

interface RedriveCommandOptions {
  readonly queueUrl: string;
  readonly bus?: string;
  readonly stage: string;
  readonly max?: number;
  readonly dryRun?: boolean;
  readonly region?: string;
  readonly visibilityTimeout: number;
  readonly json?: boolean;
}

/**
 * `genesys-events redrive --queue-url <url>`: moves a consumer's dead-lettered events back onto the app bus.
 * The AWS SDK is imported only here, so the other commands start without loading it.
 *
 * @example
 * ```ts
 * registerRedrive(program, io); // genesys-events redrive --queue-url https://sqs... --stage prod --dry-run
 * ```
 */
export const registerRedrive = (program: Command, io: CliIo): Command =>
  program
    .command('redrive')
    .description("move events from a consumer's dead-letter queue back onto the app bus")
    .requiredOption('--queue-url <url>', 'the dead-letter queue')
    .option('--stage <stage>', 'stage whose app bus to use', 'dev')
    .option('--bus <name>', 'the bus to put events on (default: genesys-events-<stage>)')
    .option('--max <n>', 'move at most this many messages', positiveNumber('--max', { integer: true }))
    .option('--dry-run', 'count what would be moved; move and delete nothing')
    .option('--region <region>', 'AWS region (default: from the AWS environment)')
    .option(
      '--visibility-timeout <seconds>',
      'how long received messages stay hidden',
      positiveNumber('--visibility-timeout', { integer: true }),
      30,
    )
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nUses the standard AWS credentials and endpoint variables (AWS_PROFILE, AWS_ENDPOINT_URL_SQS, ...).',
    )
    .action(async (options: RedriveCommandOptions) => {
      const [{ SQSClient }, { EventBridgeClient }, { approximateDepth, redrive }] = await Promise.all([
        import('@aws-sdk/client-sqs'),
        import('@aws-sdk/client-eventbridge'),
        import('../redrive/redrive'),
      ]);
      const config = options.region ? { region: options.region } : {};
      const sqs = new SQSClient(config);
      const busName = options.bus ?? `genesys-events-${options.stage}`;
      const interactive = io.stdout.isTTY === true && options.json !== true;
      // The queue's depth sizes the bar; it is only asked for when there is a bar to size.
      const total = options.max ?? (interactive ? await approximateDepth(sqs, options.queueUrl) : 0);
      const progress = progressBar(io, { total, json: options.json === true, label: 'redrive' });
      const problems: string[] = [];
      const counts = await redrive({
        sqs,
        eventBridge: new EventBridgeClient(config),
        queueUrl: options.queueUrl,
        busName,
        ...(options.max === undefined ? {} : { max: options.max }),
        dryRun: options.dryRun === true,
        visibilityTimeoutSeconds: options.visibilityTimeout,
        onBatch: (current, size) => {
          progress.grow(current.received);
          progress.advance(size);
        },
        onProblem: (messageId, reason) => problems.push(`message ${messageId}: ${reason}`),
      }).finally(() => progress.stop());
      for (const problem of problems) report(io, problem);
      if (options.json) printJson(io, { bus: busName, dryRun: options.dryRun === true, ...counts });
      else if (options.dryRun)
        printLine(
          io,
          `dry run: ${counts.wouldMove} of ${counts.received} message(s) would move to ${busName}; ${counts.invalid} invalid`,
        );
      else
        printLine(
          io,
          `moved ${counts.moved} of ${counts.received} message(s) to ${busName}; ${counts.failed} failed, ${counts.invalid} invalid`,
        );
      if (counts.failed + counts.invalid > 0) {
        throw new CliError(`${counts.failed} message(s) failed and ${counts.invalid} invalid stay on the queue`);
      }
    });
