import type { Command } from 'commander';
import { requestAccessToken } from '../auth/access-token';
import { CliError } from '../cli/errors';
import { type CliIo, readBody } from '../cli/io';
import { type TargetOptions, withTarget } from '../cli/options';
import { printJson, printLine } from '../cli/output';
import { loadSettings } from '../config/settings';
import { checkPartnerSource, checkSecrets } from '../doctor/config-checks';
import { type Finding, finding } from '../doctor/finding';
import { checkCapturedRequest, parseCapturedRequest } from '../doctor/request-check';
import { get, NoAnswerError } from '../http/post';

interface DoctorOptions extends TargetOptions {
  readonly issuer?: string;
  readonly partnerSource?: string;
  readonly request?: string;
  readonly secret?: string;
  readonly offline?: boolean;
}

/**
 * Whether anything answers at the URL. Any HTTP answer counts: an unknown conversation is a cheap 404 (401
 * without a token). With a token, a 401 means the system does not trust the issuer it came from.
 *
 * @example
 * ```ts
 * await checkReachable('http://127.0.0.1:3000', 2000, token); // { level: 'ok', check: 'reachability', ... }
 * ```
 */
export const checkReachable = async (url: string, timeoutMs: number, token?: string): Promise<Finding> => {
  try {
    const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
    const answer = await get(url, '/conversations/genesys-events-doctor-probe', timeoutMs, headers);
    if (token !== undefined && answer.status === 401) {
      const why = 'it refuses a token of the configured issuer: do OIDC_ISSUER_URL and OIDC_AUDIENCE match its own?';
      return finding('problem', 'reachability', `the system answers at ${url}, but ${why}`);
    }
    return finding('ok', 'reachability', `the system answers at ${url} (HTTP ${answer.status})`);
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    const hint =
      url.includes('127.0.0.1') || url.includes('localhost') ? ': start it with npm run dev, or pass --url' : '';
    return finding('problem', 'reachability', `${error.message}${hint}`);
  }
};

/**
 * Gets a `conversations:read` token from the issuer for the reachability probe, as a finding.
 *
 * @example
 * ```ts
 * const { token, finding } = await checkIssuer('http://127.0.0.1:4050', 2000);
 * ```
 */
export const checkIssuer = async (issuer: string, timeoutMs: number): Promise<{ token?: string; finding: Finding }> => {
  try {
    const granted = await requestAccessToken({ issuer, scope: 'conversations:read', ttlSeconds: 60, timeoutMs });
    return { token: granted.accessToken, finding: finding('ok', 'issuer', `${issuer} grants access tokens`) };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { finding: finding('problem', 'issuer', `${error.message} (the read routes need its tokens)`) };
  }
};

const LABELS: Readonly<Record<Finding['level'], string>> = { ok: 'ok     ', note: 'note   ', problem: 'PROBLEM' };

/**
 * `genesys-events doctor`: checks the configuration, the local system and, given a captured request, its
 * signature; explains each problem in plain words and exits non-zero when there is one.
 *
 * @example
 * ```ts
 * registerDoctor(program, io); // genesys-events doctor --request captured.json
 * ```
 */
export const registerDoctor = (program: Command, io: CliIo): Command =>
  withTarget(
    program
      .command('doctor')
      .description(
        'check secrets, the partner source name, the token issuer, the local system and a captured request, in plain words',
      )
      .option('--partner-source <name>', 'partner event source name to check (default: GENESYS_PARTNER_EVENT_SOURCE)')
      .option('--request <file>', 'a captured request, JSON { headers, body, isBase64Encoded?, path? }, to verify')
      .option('--secret <secret>', "verify the captured request with this secret or key instead of the route's list")
      .option('--issuer <url>', 'the OIDC issuer of access tokens (default: OIDC_ISSUER_URL, else .env.dev)')
      .option('--offline', 'skip the issuer and reachability checks'),
  ).action(async (options: DoctorOptions) => {
    const settings = loadSettings(io);
    const partnerSource = options.partnerSource ?? settings.raw.GENESYS_PARTNER_EVENT_SOURCE.value;
    const orgIds = (settings.raw.GENESYS_ORG_IDS.value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const findings: Finding[] = [...checkSecrets(settings), ...checkPartnerSource(partnerSource, orgIds)];
    if (!options.offline) {
      const issuer = await checkIssuer(options.issuer ?? settings.issuer, options.timeout);
      findings.push(issuer.finding, await checkReachable(options.url, options.timeout, issuer.token));
    }
    if (options.request !== undefined) {
      const request = parseCapturedRequest(await readBody(io, options.request));
      findings.push(...checkCapturedRequest({ request, settings, secret: options.secret }));
    }
    const problems = findings.filter((item) => item.level === 'problem');
    if (options.json) printJson(io, { ok: problems.length === 0, findings });
    else for (const item of findings) printLine(io, `${LABELS[item.level]}  ${item.check}: ${item.message}`);
    if (problems.length > 0) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
      throw new CliError(`${first?.check}: ${first?.message}${more}`);
    }
  });
