import { describe, expect, it } from '@jest/globals';
import { readDeliveriesConfig } from './config';

const completeEnv = (overrides: Record<string, string | undefined> = {}) => ({
  APP_BUS_NAME: 'genesys-events-dev',
  DELIVERIES_TABLE_NAME: 'genesys-events-dev-deliveries',
  GENESYS_WEBHOOK_SECRETS: 'current-secret,previous-secret',
  ...overrides,
});

describe('readDeliveriesConfig', () => {
  it('reads the deliveries table and how long deliveries are remembered', () => {
    expect(readDeliveriesConfig(completeEnv({ DELIVERY_TTL_SECONDS: '3600' }))).toEqual({
      tableName: 'genesys-events-dev-deliveries',
      ttlSeconds: 3600,
    });
  });

  it('fails naming DELIVERIES_TABLE_NAME when it is missing', () => {
    expect(() => readDeliveriesConfig(completeEnv({ DELIVERIES_TABLE_NAME: undefined }))).toThrow(
      'missing configuration: DELIVERIES_TABLE_NAME',
    );
  });

  it.each([[undefined], ['']])('defaults DELIVERY_TTL_SECONDS to one day when it is %p', (value) => {
    expect(readDeliveriesConfig(completeEnv({ DELIVERY_TTL_SECONDS: value })).ttlSeconds).toBe(86_400);
  });

  it.each([['0'], ['-60'], ['1.5'], ['one day'], ['NaN'], ['Infinity'], ['31536001']])(
    'fails naming DELIVERY_TTL_SECONDS when it is %p',
    (value) => {
      expect(() => readDeliveriesConfig(completeEnv({ DELIVERY_TTL_SECONDS: value }))).toThrow(
        'invalid configuration: DELIVERY_TTL_SECONDS must be a whole number from 1 to 31536000',
      );
    },
  );
});
