import { describe, expect, it } from '@jest/globals';
import { temporaryRoot } from '../test-support/memory-io';
import { parseEnvText } from './env-file';
import { DEV_ORG_ID, loadSettings } from './settings';

describe('parseEnvText', () => {
  it('reads values as the dotenv loader does', () => {
    const text = [
      '# a comment',
      'PLAIN=value # trailing comment',
      'export EXPORTED=yes',
      'SPACED =  padded  ',
      'DOUBLE="two\\nlines "',
      "SINGLE='kept\\n'",
      'EMPTY=',
      'not a line',
    ].join('\n');

    expect(parseEnvText(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      DOUBLE: 'two\nlines ',
      SINGLE: 'kept\\n',
      EMPTY: '',
    });
  });
});

describe('loadSettings', () => {
  const root = temporaryRoot('GENESYS_WEBHOOK_SECRETS=file-current, file-previous\nEVENTBRIDGE_API_KEYS=file-key\n');

  it('falls back to .env.dev for unset variables and trims list entries like the services', () => {
    const settings = loadSettings({ env: {}, root });

    expect(settings.genesysSecrets).toEqual(['file-current', 'file-previous']);
    expect(settings.raw.GENESYS_WEBHOOK_SECRETS).toEqual({ value: 'file-current, file-previous', from: '.env.dev' });
    expect(settings.raw.OPEN_MESSAGING_SECRETS).toEqual({ value: undefined, from: 'unset' });
    expect(settings.apiKeyHeader).toBe('x-api-key');
  });

  it('lets the environment win, even with an empty value', () => {
    const settings = loadSettings({ env: { GENESYS_WEBHOOK_SECRETS: 'env-secret\n', EVENTBRIDGE_API_KEYS: '' }, root });

    expect(settings.genesysSecrets).toEqual(['env-secret']);
    expect(settings.raw.GENESYS_WEBHOOK_SECRETS).toEqual({ value: 'env-secret\n', from: 'environment' });
    expect(settings.apiKeys).toEqual([]);
  });

  it('puts a partner source on envelopes that the local route takes', () => {
    expect(loadSettings({ env: {}, root }).partnerSource).toBe(
      `aws.partner/genesys.com/cloud/${DEV_ORG_ID}/genesys-events-dev`,
    );
    expect(loadSettings({ env: { GENESYS_ORG_IDS: 'org-a, org-b' }, root }).partnerSource).toContain('/cloud/org-a/');
    expect(
      loadSettings({ env: { GENESYS_PARTNER_EVENT_SOURCE: 'aws.partner/genesys.com/cloud/x/y' }, root }).partnerSource,
    ).toBe('aws.partner/genesys.com/cloud/x/y');
  });
});
