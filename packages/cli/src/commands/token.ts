import type { Command } from 'commander';
import { requestAccessToken } from '../auth/access-token';
import type { CliIo } from '../cli/io';
import { positiveNumber } from '../cli/options';
import { printJson, printLine, report } from '../cli/output';
import { loadSettings } from '../config/settings';
import { DEFAULT_TIMEOUT_MS } from '../http/post';

interface TokenOptions {
  readonly scope: string;
  readonly ttl?: number;
  readonly issuer?: string;
  readonly timeout: number;
  readonly json?: boolean;
}

/**
 * `genesys-events token`: prints an access token from the OIDC issuer (by default the local one that
 * `npm run dev` starts) for the read routes; the token alone on the last line of standard output.
 *
 * @example
 * ```ts
 * registerToken(program, io); // genesys-events token --scope conversations:read
 * ```
 */
export const registerToken = (program: Command, io: CliIo): Command =>
  program
    .command('token')
    .description('print an access token from the OIDC issuer (npm run dev starts a local one) for the read routes')
    .requiredOption(
      '--scope <scopes>',
      'space-separated scopes: conversations:read, analytics:read, conversations:erase',
    )
    .option(
      '--ttl <seconds>',
      'lifetime in seconds (the local issuer grants 1 to 86400, default 3600)',
      positiveNumber('--ttl', { integer: true }),
    )
    .option('--issuer <url>', 'the issuer (default: OIDC_ISSUER_URL, else .env.dev, else http://127.0.0.1:4050)')
    .option(
      '--timeout <ms>',
      'how long to wait for the issuer',
      positiveNumber('--timeout', { integer: true }),
      DEFAULT_TIMEOUT_MS,
    )
    .option('--json', 'print the token response as JSON instead')
    .action(async (options: TokenOptions) => {
      const issuer = options.issuer ?? loadSettings(io).issuer;
      const granted = await requestAccessToken({
        issuer,
        scope: options.scope,
        ttlSeconds: options.ttl,
        timeoutMs: options.timeout,
      });
      if (options.json) {
        printJson(io, {
          access_token: granted.accessToken,
          expires_in: granted.expiresIn,
          scope: granted.scope,
          issuer,
        });
        return;
      }
      const lifetime = granted.expiresIn === undefined ? '' : `, valid ${granted.expiresIn} s`;
      report(io, `token from ${issuer} for "${granted.scope}"${lifetime}`);
      printLine(io, granted.accessToken);
    });
