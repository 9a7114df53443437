import { describe, expect, it } from '@jest/globals';
import { listSetting, readIngestConfig, secretSource } from './config';

const completeEnv = (overrides: Record<string, string | undefined> = {}) => ({
  APP_BUS_NAME: 'genesys-events-dev',
  DELIVERIES_TABLE_NAME: 'genesys-events-dev-deliveries',
  GENESYS_WEBHOOK_SECRETS: 'current-secret,previous-secret',
  ...overrides,
});

describe('readIngestConfig', () => {
  it('reads a complete local configuration', () => {
    const config = readIngestConfig(completeEnv({ DELIVERY_TTL_SECONDS: '3600' }));

    expect(config).toEqual({
      appBusName: 'genesys-events-dev',
      deliveriesTableName: 'genesys-events-dev-deliveries',
      deliveryTtlSeconds: 3600,
    });
  });

  it.each([['APP_BUS_NAME'], ['DELIVERIES_TABLE_NAME']])('fails naming %s when it is missing', (name) => {
    expect(() => readIngestConfig(completeEnv({ [name]: undefined }))).toThrow(`missing configuration: ${name}`);
  });

  it('fails naming APP_BUS_NAME when it is empty', () => {
    expect(() => readIngestConfig(completeEnv({ APP_BUS_NAME: '' }))).toThrow(/APP_BUS_NAME/);
  });

  it('prefers GENESYS_WEBHOOK_SECRETS_PARAMETER over the direct value', () => {
    const source = secretSource(
      completeEnv({ GENESYS_WEBHOOK_SECRETS_PARAMETER: '/genesys-events/prod/genesys-webhook-secrets' }),
      'GENESYS_WEBHOOK_SECRETS',
    );

    expect(source).toEqual({
      kind: 'ssm',
      parameterName: '/genesys-events/prod/genesys-webhook-secrets',
    });
  });

  it('uses the direct secret list when the parameter name is empty', () => {
    const source = secretSource(completeEnv({ GENESYS_WEBHOOK_SECRETS_PARAMETER: '' }), 'GENESYS_WEBHOOK_SECRETS');

    expect(source).toEqual({ kind: 'value', value: 'current-secret,previous-secret' });
  });

  it('fails naming both settings when no secret source is configured', () => {
    expect(() => secretSource(completeEnv({ GENESYS_WEBHOOK_SECRETS: undefined }), 'GENESYS_WEBHOOK_SECRETS')).toThrow(
      /GENESYS_WEBHOOK_SECRETS.*GENESYS_WEBHOOK_SECRETS_PARAMETER/,
    );
  });

  it('reads a list setting, trimmed and without empty entries', () => {
    expect(listSetting({ GENESYS_ORG_IDS: ' a-1 ,, b-2 ' }, 'GENESYS_ORG_IDS')).toEqual(['a-1', 'b-2']);
    expect(listSetting({}, 'GENESYS_ORG_IDS')).toEqual([]);
  });

  it.each([[undefined], ['']])('defaults DELIVERY_TTL_SECONDS to one day when it is %p', (value) => {
    expect(readIngestConfig(completeEnv({ DELIVERY_TTL_SECONDS: value })).deliveryTtlSeconds).toBe(86_400);
  });

  it.each([['0'], ['-60'], ['1.5'], ['one day'], ['NaN'], ['Infinity']])(
    'fails naming DELIVERY_TTL_SECONDS when it is %p',
    (value) => {
      expect(() => readIngestConfig(completeEnv({ DELIVERY_TTL_SECONDS: value }))).toThrow(
        'invalid configuration: DELIVERY_TTL_SECONDS must be a positive integer',
      );
    },
  );
});
