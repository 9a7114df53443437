import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import { type CliIo, readBody } from '../cli/io';
import {
  type CredentialOptions,
  nonNegativeInteger,
  positiveNumber,
  type TargetOptions,
  withCredentials,
  withTarget,
} from '../cli/options';
import { printJson, printLine, progressBar, report } from '../cli/output';
import { loadSettings } from '../config/settings';
import { post } from '../http/post';
import { parseTransport, prepareRequest, TRANSPORTS, transportForBody } from '../http/transports';
import { type LineReport, numberedLines, type ReplaySummary, replay } from '../replay/replay';
import { GENESYS_RETRY_POLICY } from '../replay/retry';

interface ReplayOptions extends TargetOptions, CredentialOptions {
  readonly rate: number;
  readonly concurrency: number;
  readonly retries: number;
  readonly retryDelay: number;
  readonly transport?: string;
}

/**
 * The delivery id of a replayed line: the same for the same bytes, so that a line repeated in the file (or a
 * file replayed twice) is a redelivery the seed route recognises, as a Genesys retry would be.
 *
 * @example
 * ```ts
 * lineDeliveryId('{"eventType":"conversation:created"}'); // 'replay-5c0e...'
 * ```
 */
export const lineDeliveryId = (text: string): string =>
  `replay-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;

/**
 * The human summary line.
 *
 * @example
 * ```ts
 * describeSummary({ sent: 3, accepted: 2, duplicate: 1, rejected: 0, failed: 0 });
 * // 'sent 3: 2 accepted, 1 duplicate, 0 rejected, 0 failed'
 * ```
 */
export const describeSummary = (summary: ReplaySummary): string =>
  `sent ${summary.sent}: ${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected, ${summary.failed} failed`;

/**
 * `genesys-events replay <file.ndjson>`: one event per line, sent at a rate with retries, counted.
 *
 * @example
 * ```ts
 * registerReplay(program, io); // genesys-events replay events.ndjson --rate 50 --concurrency 10 --json
 * ```
 */
export const registerReplay = (program: Command, io: CliIo): Command =>
  withCredentials(
    withTarget(
      program
        .command('replay')
        .description('send every line of an NDJSON file (one event per line) with retries, and count the answers')
        .argument('<file>', 'NDJSON file: one event (any shape send takes) per line')
        .option('--rate <n>', 'lines started per second', positiveNumber('--rate'), 20)
        .option('--concurrency <n>', 'lines in flight at once', positiveNumber('--concurrency', { integer: true }), 5)
        .option('--retries <n>', 'retries on timeouts, 429 and 5xx', nonNegativeInteger, GENESYS_RETRY_POLICY.retries)
        .option('--retry-delay <ms>', 'wait between retries', nonNegativeInteger, GENESYS_RETRY_POLICY.delayMs)
        .option('--transport <transport>', `send every line over one route: ${TRANSPORTS.join(', ')}`),
    ),
  )
    .addHelpText(
      'after',
      '\nWith --json the last line is {"sent":n,"accepted":n,"duplicate":n,"rejected":n,"failed":n}.',
    )
    .action(async (file: string, options: ReplayOptions) => {
      const lines = numberedLines(await readBody(io, file));
      const settings = loadSettings(io);
      const forced = options.transport ? parseTransport(options.transport) : undefined;
      const reports: LineReport[] = [];
      const progress = progressBar(io, { total: lines.length, json: options.json === true, label: 'replay' });
      const summary = await replay({
        lines,
        prepare: (text) => {
          const transport = forced ?? transportForBody(text);
          const seed = transport === 'genesys-header' || transport === 'genesys-form';
          const credentials = { secret: options.secret, apiKey: options.apiKey };
          return prepareRequest({
            transport,
            body: text,
            settings,
            credentials,
            deliveryId: seed ? lineDeliveryId(text) : undefined,
          });
        },
        attempt: (request) => post(options.url, request, options.timeout),
        rate: options.rate,
        concurrency: options.concurrency,
        retry: { retries: options.retries, delayMs: options.retryDelay },
        onLine: (line) => {
          if (line.outcome === 'rejected' || line.outcome === 'failed') reports.push(line);
          progress.advance();
        },
      });
      progress.stop();
      // Reported after the bar, in file order, so they neither garble it nor interleave.
      for (const line of reports.sort((a, b) => a.line - b.line))
        report(io, `line ${line.line}: ${line.outcome}: ${line.detail}`);
      if (options.json) printJson(io, summary);
      else printLine(io, describeSummary(summary));
      if (summary.rejected + summary.failed > 0) {
        throw new CliError(`${summary.rejected} line(s) rejected and ${summary.failed} failed of ${summary.sent}`);
      }
    });
