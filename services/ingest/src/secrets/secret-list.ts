import { parseSecretList } from '@genesys-events/core';
import type { MiddlewareObj, Request } from '@middy/core';
import ssm from '@middy/ssm';
import { getInternal } from '@middy/util';
import type { SecretSource } from '../config';

/** How long a secret list fetched from SSM is cached: rotation takes effect within this time. */
const SSM_CACHE_MS = 5 * 60 * 1000;

/** A secret list for a route: the middleware that fetches it (if any) and the reader the verifier calls. */
export interface SecretList {
  readonly middleware: MiddlewareObj[];
  readonly read: (request: Request) => Promise<readonly string[]>;
}

/**
 * Wires a route's secret list: a direct value is parsed once; an SSM SecureString parameter is fetched by
 * `@middy/ssm`, decrypted, cached for five minutes and parsed per request (so a rotation needs no deploy).
 *
 * @example
 * ```ts
 * const secrets = secretList('genesysWebhookSecrets', config.genesysWebhookSecrets);
 * middy(handler).use(secrets.middleware).use(verifyWebhookSignature({ scheme, secrets: secrets.read }));
 * ```
 */
export const secretList = (key: string, source: SecretSource): SecretList => {
  if (source.kind === 'value') {
    const secrets = parseSecretList(source.value);
    return { middleware: [], read: async () => secrets };
  }
  return {
    middleware: [
      ssm({ fetchData: { [key]: source.parameterName }, cacheExpiry: SSM_CACHE_MS, cacheKey: `ssm-${key}` }),
    ],
    read: async (request) => {
      const values = await getInternal({ [key]: key }, request);
      return parseSecretList(String(values[key] ?? ''));
    },
  };
};
