import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintAccessToken, startLocalIssuer } from '@genesys-events/local-issuer';

/** The audience the test issuer mints for and the handlers are configured with. */
export const TEST_AUDIENCE = 'genesys-events-test';

/**
 * Starts the local OIDC issuer on a free loopback port with a fresh key, and points the handler
 * configuration (`OIDC_ISSUER_URL`, `OIDC_AUDIENCE`) at it: call it before importing a handler module.
 *
 * @example
 * ```ts
 * const issuer = await startTestIssuer();
 * const { handler } = await import('./get-analytics-summary');
 * await handler({ headers: { authorization: `Bearer ${await issuer.token('analytics:read')}` } }, lambdaContext());
 * ```
 */
export const startTestIssuer = async () => {
  const running = await startLocalIssuer({
    dir: mkdtempSync(join(tmpdir(), 'genesys-events-test-issuer-')),
    port: 0,
    audience: TEST_AUDIENCE,
  });
  process.env.OIDC_ISSUER_URL = running.issuer;
  process.env.OIDC_AUDIENCE = TEST_AUDIENCE;
  const token = (scope: string) =>
    mintAccessToken({ key: running.key, issuer: running.issuer, audience: TEST_AUDIENCE, scope });
  return { issuer: running.issuer, token, close: running.close };
};
