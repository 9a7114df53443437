/**
 * The environment the functions are measured in: what Lambda sets for a 256 MB nodejs24.x function, fake
 * credentials, production's log level (INFO), and the ingest secrets given as values (no SSM).
 */
import { BENCH_SECRETS } from './fixtures/webhooks';
import { BENCH_STAGE } from './serverless-files';

type Env = Record<string, string>;

/** What every function gets. */
export const lambdaEnvironment = (): Env => ({
  AWS_REGION: 'eu-west-1',
  AWS_DEFAULT_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench-access-key',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-key',
  AWS_LAMBDA_FUNCTION_NAME: 'genesys-events-bench-function',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  STAGE: BENCH_STAGE,
  // The read routes' issuer settings: their first event carries no token, so it is answered 401 before
  // any key is fetched, and nothing listens here.
  OIDC_ISSUER_URL: 'http://127.0.0.1:9',
  OIDC_AUDIENCE: 'genesys-events-bench',
});

/** What the ingest functions get on top (their serverless env, with the secrets as values). */
export const ingestEnvironment = (): Env => ({
  APP_BUS_NAME: `genesys-events-${BENCH_STAGE}`,
  DELIVERIES_TABLE_NAME: `genesys-events-${BENCH_STAGE}-deliveries`,
  GENESYS_WEBHOOK_SECRETS: BENCH_SECRETS.genesys.join(','),
  OPEN_MESSAGING_SECRETS: BENCH_SECRETS.openMessaging.join(','),
  EVENTBRIDGE_API_KEYS: BENCH_SECRETS.eventBridgeApiKeys.join(','),
  EVENTBRIDGE_API_KEY_HEADER: 'x-api-key',
});

/**
 * A child process's environment: only what Node needs from ours, so that a developer's AWS profile,
 * endpoints or Powertools settings never leak into a measurement.
 *
 * @example
 * ```ts
 * fork(script, [], { env: childEnvironment({ ...lambdaEnvironment(), ...ingestEnvironment() }) });
 * ```
 */
export const childEnvironment = (extra: Env): Env => {
  const kept: Env = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) kept[name] = value;
  }
  return { ...kept, ...extra };
};
