import { randomUUID } from 'node:crypto';
import {
  type SignatureScheme,
  type SignedRequest,
  signOpenMessaging,
  signSeedForm,
  signSeedHeader,
} from '@genesys-events/core';
import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import { type CliIo, readBody } from '../cli/io';
import { printJson, printLine } from '../cli/output';
import { DEFAULT_URL, loadSettings, type Settings } from '../config/settings';
import { urlOf } from '../http/post';

const SCHEMES: readonly SignatureScheme[] = ['seed-form', 'seed-header', 'open-messaging'];

interface SignOptions {
  readonly scheme: string;
  readonly secret?: string;
  readonly deliveryId?: string;
  readonly signatureIn: string;
  readonly curl?: boolean;
  readonly url: string;
  readonly json?: boolean;
}

/**
 * Signs a body with core's helpers, the way Genesys signs it for that scheme.
 *
 * @example
 * ```ts
 * signBody({ scheme: 'seed-header', body: '{"eventType":"conversation:created"}', secret: 's', deliveryId: 'd-1' });
 * ```
 */
export const signBody = ({
  scheme,
  body,
  secret,
  deliveryId,
  signatureIn = 'field',
}: {
  scheme: SignatureScheme;
  body: string;
  secret: string;
  deliveryId?: string | undefined;
  signatureIn?: 'field' | 'header';
}): SignedRequest & { path: string } => {
  if (scheme === 'open-messaging') return { path: '/webhooks/open-messaging', ...signOpenMessaging({ body, secret }) };
  if (scheme === 'seed-form')
    return { path: '/webhooks/genesys', ...signSeedForm({ webhook: body, secret, signatureIn }) };
  const delivery = deliveryId === undefined ? {} : { deliveryId };
  return { path: '/webhooks/genesys', ...signSeedHeader({ body, secret, ...delivery }) };
};

/** Quotes a word for POSIX shells: single quotes, with each `'` closed, escaped and reopened. */
const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A curl command that sends exactly these bytes. `--data-raw` because `--data-binary` reads a file when the
 * text starts with `@`.
 *
 * @example
 * ```ts
 * curlCommand('http://127.0.0.1:3000', signed); // "curl -sS -X POST 'http://127.0.0.1:3000/webhooks/genesys' -H ..."
 * ```
 */
export const curlCommand = (base: string, request: SignedRequest & { path: string }): string =>
  [
    'curl -sS -X POST',
    shellQuote(urlOf(base, request.path)),
    ...Object.entries(request.headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    `--data-raw ${shellQuote(request.body)}`,
  ].join(' ');

const secretFor = (scheme: SignatureScheme, settings: Settings, given: string | undefined): string => {
  if (given !== undefined) return given;
  const [variable, list] =
    scheme === 'open-messaging'
      ? ['OPEN_MESSAGING_SECRETS', settings.openMessagingSecrets]
      : ['GENESYS_WEBHOOK_SECRETS', settings.genesysSecrets];
  const [current] = list;
  if (current === undefined) throw new CliError(`no secret to sign with: set ${variable} or pass --secret`);
  return current;
};

/**
 * `genesys-events sign [file]`: prints the exact request (headers and body) to send, or a curl command.
 *
 * @example
 * ```ts
 * registerSign(program, io); // genesys-events sign event.json --scheme open-messaging --curl
 * ```
 */
export const registerSign = (program: Command, io: CliIo): Command =>
  program
    .command('sign')
    .description('sign a body as Genesys would and print the exact headers and body to send')
    .argument('[file]', 'the body to sign; standard input when missing or -')
    .option('--scheme <scheme>', `signature scheme: ${SCHEMES.join(', ')}`, 'seed-header')
    .option('--secret <secret>', 'sign with this secret (default: the first configured for the scheme)')
    .option('--delivery-id <id>', 'X-Genesys-Delivery-Id for seed-header (default: a fresh UUID)')
    .option('--signature-in <where>', 'seed-form only: put the signature in the form "field" or a "header"', 'field')
    .option('--curl', 'print a curl command instead')
    .option('--url <url>', 'base URL for --curl', DEFAULT_URL)
    .option('--json', 'machine-readable output')
    .action(async (file: string | undefined, options: SignOptions) => {
      const scheme = SCHEMES.find((candidate) => candidate === options.scheme);
      if (!scheme) throw new CliError(`unknown scheme "${options.scheme}": use ${SCHEMES.join(', ')}`, { exitCode: 2 });
      if (options.signatureIn !== 'field' && options.signatureIn !== 'header') {
        throw new CliError('--signature-in takes field or header', { exitCode: 2 });
      }
      const signed = signBody({
        scheme,
        body: await readBody(io, file),
        secret: secretFor(scheme, loadSettings(io), options.secret),
        deliveryId: scheme === 'seed-header' ? (options.deliveryId ?? randomUUID()) : undefined,
        signatureIn: options.signatureIn,
      });
      if (options.json)
        return printJson(io, {
          scheme,
          ...signed,
          ...(options.curl ? { curl: curlCommand(options.url, signed) } : {}),
        });
      if (options.curl) return printLine(io, curlCommand(options.url, signed));
      printLine(io, `POST ${signed.path}`);
      for (const [name, value] of Object.entries(signed.headers)) printLine(io, `${name}: ${value}`);
      // The body exactly as signed: no newline added after it.
      io.stdout.write(`\n${signed.body}`);
    });
