import { describe, expect, it } from '@jest/globals';
import { readLakeServerConfig } from './config';

describe('readLakeServerConfig', () => {
  it('has the local defaults, the folder under the working directory', () => {
    expect(readLakeServerConfig({}, '/repo')).toEqual({
      dir: '/repo/.local-data/lake',
      port: 4590,
      busUrl: 'mqtt://127.0.0.1:4011',
      busName: 'genesys-events-dev',
      flushMs: 1000,
      retentionDays: 90,
      region: 'eu-west-1',
    });
  });

  it('fails with the name of a bad setting', () => {
    expect(() => readLakeServerConfig({ LOCAL_LAKE_PORT: 'x' }, '/repo')).toThrow(/LOCAL_LAKE_PORT/);
    expect(() => readLakeServerConfig({ RETENTION_DAYS: '0' }, '/repo')).toThrow(/RETENTION_DAYS/);
  });
});
