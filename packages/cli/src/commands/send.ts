import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import { type CliIo, readBody } from '../cli/io';
import { type CredentialOptions, type TargetOptions, withCredentials, withTarget } from '../cli/options';
import { printJson, printLine } from '../cli/output';
import { loadSettings, type Settings } from '../config/settings';
import { type Answer, describeAnswer, post } from '../http/post';
import { parseTransport, prepareRequest, TRANSPORTS, type Transport, transportForBody } from '../http/transports';

interface SendOptions extends TargetOptions, CredentialOptions {
  readonly transport?: string;
  readonly deliveryId?: string;
}

/**
 * The outcome of one send, as `--json` prints it.
 *
 * @example
 * ```ts
 * const result: SendResult = { transport: 'eventbridge', path: '/webhooks/eventbridge', status: 200, answer: { status: 'accepted' } };
 * ```
 */
export interface SendResult {
  readonly transport: Transport;
  readonly path: string;
  readonly status: number;
  readonly answer: unknown;
}

/**
 * Signs (or authenticates) a body for its transport, posts it and returns the answer. Seed transports get a
 * delivery id, fresh unless given, as Genesys sends one with every delivery.
 *
 * @example
 * ```ts
 * const { result, answer } = await sendBody({ body, transport: 'eventbridge', settings, options });
 * ```
 */
export const sendBody = async ({
  body,
  transport,
  settings,
  options,
}: {
  body: string;
  transport: Transport;
  settings: Settings;
  options: TargetOptions & CredentialOptions & { deliveryId?: string | undefined };
}): Promise<{ result: SendResult; answer: Answer }> => {
  const request = prepareRequest({
    transport,
    body,
    settings,
    credentials: { secret: options.secret, apiKey: options.apiKey },
    deliveryId:
      transport === 'eventbridge' || transport === 'open-messaging' ? undefined : (options.deliveryId ?? randomUUID()),
  });
  const answer = await post(options.url, request, options.timeout);
  return {
    result: { transport, path: request.path, status: answer.status, answer: answer.json ?? answer.text },
    answer,
  };
};

/**
 * Throws the one-line reason for an answer that is not 2xx.
 *
 * @example
 * ```ts
 * failUnlessAccepted(answer); // throws CliError('the system answered 401 unauthorized: ...')
 * ```
 */
export const failUnlessAccepted = (answer: Answer): void => {
  if (answer.status < 200 || answer.status > 299) throw new CliError(`the system answered ${describeAnswer(answer)}`);
};

/**
 * `genesys-events send [file]`: posts a body to the route its shape calls for and prints the answer.
 *
 * @example
 * ```ts
 * registerSend(program, io); // genesys-events send envelope.json --json
 * ```
 */
export const registerSend = (program: Command, io: CliIo): Command =>
  withCredentials(
    withTarget(
      program
        .command('send')
        .description('post a body to the route that fits its shape, signed, and print the answer')
        .argument('[file]', 'the body to send; standard input when missing or -')
        .option('--transport <transport>', `force a route: ${TRANSPORTS.join(', ')}`)
        .option('--delivery-id <id>', 'X-Genesys-Delivery-Id on the seed route (default: a fresh UUID)'),
    ),
  ).action(async (file: string | undefined, options: SendOptions) => {
    const body = await readBody(io, file);
    const transport = options.transport ? parseTransport(options.transport) : routeOf(body);
    const { result, answer } = await sendBody({ body, transport, settings: loadSettings(io), options });
    if (options.json) printJson(io, result);
    else printLine(io, `POST ${result.path} (${transport}): ${describeAnswer(answer)}`);
    failUnlessAccepted(answer);
  });

const routeOf = (body: string): Transport => {
  try {
    return transportForBody(body);
  } catch {
    throw new CliError('the body is not valid JSON, so it fits no route: pass --transport to send it anyway');
  }
};
