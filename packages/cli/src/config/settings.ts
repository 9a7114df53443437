import { join } from 'node:path';
import { DEFAULT_API_KEY_HEADER, parseSecretList } from '@genesys-events/core';
import type { CliIo } from '../cli/io';
import { readEnvFile } from './env-file';

/**
 * The variables the CLI reads, the same names the services read.
 *
 * @example
 * ```ts
 * SETTING_NAMES.includes('OPEN_MESSAGING_SECRETS'); // true
 * ```
 */
export const SETTING_NAMES = [
  'GENESYS_WEBHOOK_SECRETS',
  'OPEN_MESSAGING_SECRETS',
  'EVENTBRIDGE_API_KEYS',
  'EVENTBRIDGE_API_KEY_HEADER',
  'GENESYS_PARTNER_EVENT_SOURCE',
  'GENESYS_ORG_IDS',
  'OIDC_ISSUER_URL',
] as const;

/**
 * One of {@link SETTING_NAMES}.
 *
 * @example
 * ```ts
 * const name: SettingName = 'EVENTBRIDGE_API_KEYS';
 * ```
 */
export type SettingName = (typeof SETTING_NAMES)[number];

/**
 * A variable's value exactly as found (untrimmed) and where it was found.
 *
 * @example
 * ```ts
 * loadSettings(io).raw.GENESYS_WEBHOOK_SECRETS; // { value: 'secret\n', from: 'environment' }
 * ```
 */
export interface RawSetting {
  readonly value: string | undefined;
  readonly from: 'environment' | '.env.dev' | 'unset';
}

/**
 * The configuration the commands sign, authenticate and build events with.
 *
 * @example
 * ```ts
 * const [signingSecret] = loadSettings(io).genesysSecrets;
 * ```
 */
export interface Settings {
  readonly raw: Readonly<Record<SettingName, RawSetting>>;
  /** Seed route secrets, current first, trimmed as the service trims them. */
  readonly genesysSecrets: readonly string[];
  readonly openMessagingSecrets: readonly string[];
  readonly apiKeys: readonly string[];
  readonly apiKeyHeader: string;
  /** The partner event source `trigger` puts on its envelopes. */
  readonly partnerSource: string;
  /** The OIDC issuer `token` and `doctor` get access tokens from (the local one of `npm run dev`). */
  readonly issuer: string;
}

/**
 * An org id of our own for dev envelopes when neither a partner source nor an org allowlist is configured.
 *
 * @example
 * ```ts
 * `aws.partner/genesys.com/cloud/${DEV_ORG_ID}/${DEV_SOURCE_SUFFIX}`;
 * ```
 */
export const DEV_ORG_ID = '0c6f2a4e-7b1d-4e38-9a5c-d2e4f6a8b0c1';

/**
 * The partner source suffix of dev envelopes, named after the dev stage's bus.
 *
 * @example
 * ```ts
 * `aws.partner/genesys.com/cloud/${DEV_ORG_ID}/${DEV_SOURCE_SUFFIX}`;
 * ```
 */
export const DEV_SOURCE_SUFFIX = 'genesys-events-dev';

/**
 * Reads the settings like the local system does: a variable set in the environment wins, otherwise the value
 * in the repository's `.env.dev`. Lists are comma-separated; the first entry is the one to sign with.
 *
 * @example
 * ```ts
 * const settings = loadSettings(io);
 * settings.genesysSecrets[0]; // 'dev-genesys-webhook-secret'
 * ```
 */
export const loadSettings = (io: Pick<CliIo, 'env' | 'root'>): Settings => {
  const file = readEnvFile(join(io.root, '.env.dev'));
  const raw = Object.fromEntries(
    SETTING_NAMES.map((name): [SettingName, RawSetting] => {
      if (io.env[name] !== undefined) return [name, { value: io.env[name], from: 'environment' }];
      if (file[name] !== undefined) return [name, { value: file[name], from: '.env.dev' }];
      return [name, { value: undefined, from: 'unset' }];
    }),
  ) as Record<SettingName, RawSetting>;
  const orgIds = parseSecretList(raw.GENESYS_ORG_IDS.value);
  return {
    raw,
    genesysSecrets: parseSecretList(raw.GENESYS_WEBHOOK_SECRETS.value),
    openMessagingSecrets: parseSecretList(raw.OPEN_MESSAGING_SECRETS.value),
    apiKeys: parseSecretList(raw.EVENTBRIDGE_API_KEYS.value),
    apiKeyHeader: raw.EVENTBRIDGE_API_KEY_HEADER.value?.trim() || DEFAULT_API_KEY_HEADER,
    // The first allowed org, when there is an allowlist, so that the local route takes the envelopes.
    partnerSource:
      raw.GENESYS_PARTNER_EVENT_SOURCE.value?.trim() ||
      `aws.partner/genesys.com/cloud/${orgIds[0] ?? DEV_ORG_ID}/${DEV_SOURCE_SUFFIX}`,
    issuer: raw.OIDC_ISSUER_URL.value?.trim() || DEFAULT_ISSUER,
  };
};

/**
 * The issuer when `OIDC_ISSUER_URL` is set nowhere: the local issuer of `npm run dev`.
 *
 * @example
 * ```ts
 * await requestAccessToken({ issuer: DEFAULT_ISSUER, scope: 'conversations:read' });
 * ```
 */
export const DEFAULT_ISSUER = 'http://127.0.0.1:4050';

/**
 * The default base URL: the local system of `npm run dev`.
 *
 * @example
 * ```ts
 * await post(options.url ?? DEFAULT_URL, request);
 * ```
 */
export const DEFAULT_URL = 'http://127.0.0.1:3000';
