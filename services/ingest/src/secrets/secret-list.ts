import type { Env } from '@genesys-events/consumer-kit/config';
import { parseSecretList } from '@genesys-events/core';
import type { MiddlewareObj, Request } from '@middy/core';
import ssm from '@middy/ssm';
import { getInternal } from '@middy/util';

/** How long a secret list fetched from SSM is cached: rotation takes effect within this time. */
const SSM_CACHE_MS = 5 * 60 * 1000;

/** A comma-separated secret list, given directly or as the name of an SSM SecureString parameter. */
export type SecretSource =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'ssm'; readonly parameterName: string };

/** A secret list for a route: the middleware that fetches it (if any) and the reader the verifier calls. */
export interface SecretList {
  readonly middleware: MiddlewareObj[];
  readonly read: (request: Request) => Promise<readonly string[]>;
}

/**
 * Where a route's secret list comes from: `NAME` holds the list itself (local), `NAME_PARAMETER` names
 * the SSM SecureString that holds it (cloud, and it wins when both are set).
 *
 * @example
 * ```ts
 * secretSource(process.env, 'OPEN_MESSAGING_SECRETS'); // { kind: 'value', value: 'a,b' }
 * ```
 */
export const secretSource = (env: Env, name: string): SecretSource => {
  const parameterName = env[`${name}_PARAMETER`];
  if (parameterName) return { kind: 'ssm', parameterName };
  const value = env[name];
  if (value) return { kind: 'value', value };
  throw new Error(`missing configuration: set ${name} (local) or ${name}_PARAMETER (an SSM parameter name)`);
};

/**
 * Wires the secret list of the setting `name` (see {@link secretSource}): a direct value is parsed once;
 * an SSM SecureString parameter is fetched by `@middy/ssm`, decrypted, cached for five minutes and parsed
 * per request (so a rotation needs no deploy).
 *
 * @example
 * ```ts
 * const secrets = secretList(process.env, 'GENESYS_WEBHOOK_SECRETS');
 * middy(handler).use(secrets.middleware).use(verifyWebhookSignature({ scheme, secrets: secrets.read }));
 * ```
 */
export const secretList = (env: Env, name: string): SecretList => {
  const source = secretSource(env, name);
  if (source.kind === 'value') {
    const secrets = parseSecretList(source.value);
    return { middleware: [], read: async () => secrets };
  }
  return {
    middleware: [
      ssm({ fetchData: { [name]: source.parameterName }, cacheExpiry: SSM_CACHE_MS, cacheKey: `ssm-${name}` }),
    ],
    read: async (request) => {
      const values = await getInternal({ [name]: name }, request);
      return parseSecretList(String(values[name] ?? ''));
    },
  };
};
