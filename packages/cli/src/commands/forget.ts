import type { Command } from 'commander';
import { requestAccessToken } from '../auth/access-token';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { type TargetOptions, withTarget } from '../cli/options';
import { printJson, printLine } from '../cli/output';
import { loadSettings } from '../config/settings';
import { describeAnswer, exchange } from '../http/post';

interface ForgetOptions extends TargetOptions {
  readonly token?: string;
  readonly issuer?: string;
}

const ERASE_SCOPE = 'conversations:erase';

/**
 * `genesys-events forget <conversationId>`: erases one conversation everywhere, as
 * `DELETE /conversations/{id}` does (the services delete it and keep its late events out). The token
 * is `--token`, else one of scope `conversations:erase` from the issuer (the local one of `npm run dev`).
 *
 * @example
 * ```ts
 * registerForget(program, io); // genesys-events forget 7c1e... --json
 * ```
 */
export const registerForget = (program: Command, io: CliIo): Command =>
  withTarget(
    program
      .command('forget')
      .description('erase one conversation everywhere (DELETE /conversations/{id}); needs conversations:erase')
      .argument('<conversationId>', 'the conversation to erase')
      .option('--token <jwt>', 'an access token with conversations:erase (default: one from the issuer)')
      .option('--issuer <url>', 'the issuer to get the token from (default: OIDC_ISSUER_URL, else .env.dev)'),
  ).action(async (conversationId: string, options: ForgetOptions) => {
    const token = options.token ?? (await issuerToken(io, options));
    const path = `/conversations/${encodeURIComponent(conversationId)}`;
    const answer = await exchange(
      `${options.url.replace(/\/+$/, '')}${path}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${token}` } },
      options.timeout,
    );
    if (answer.status !== 202) throw new CliError(`the erasure was not accepted: ${describeAnswer(answer)}`);
    if (options.json) printJson(io, answer.json);
    else printLine(io, `erasure of ${conversationId} requested (${(answer.json as { requestId?: string }).requestId})`);
  });

const issuerToken = async (io: CliIo, options: ForgetOptions): Promise<string> => {
  const issuer = options.issuer ?? loadSettings(io).issuer;
  const granted = await requestAccessToken({ issuer, scope: ERASE_SCOPE, timeoutMs: options.timeout });
  return granted.accessToken;
};
