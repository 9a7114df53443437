import { describe, expect, it } from '@jest/globals';
import { AccessTokenError } from '../errors';
import { readAccessTokenSettings } from './access-token-settings';
import { bearerToken } from './bearer-token';

describe('readAccessTokenSettings', () => {
  it('reads the issuer, a comma-separated audience list and the scope prefix', () => {
    const settings = readAccessTokenSettings({
      OIDC_ISSUER_URL: ' https://issuer.test ',
      OIDC_AUDIENCE: 'genesys-events, client-1',
      OIDC_SCOPE_PREFIX: 'https://api.test/',
    });

    expect(settings).toEqual({
      issuer: 'https://issuer.test',
      audience: ['genesys-events', 'client-1'],
      scopePrefix: 'https://api.test/',
    });
  });

  it.each([
    [{ OIDC_AUDIENCE: 'a' }, 'OIDC_ISSUER_URL'],
    [{ OIDC_ISSUER_URL: 'https://issuer.test', OIDC_AUDIENCE: ' , ' }, 'OIDC_AUDIENCE'],
  ])('fails with the name of a missing value', (env, name) => {
    expect(() => readAccessTokenSettings(env)).toThrow(`missing configuration: ${name}`);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['  BEARER   abc.def.ghi  ', 'abc.def.ghi'],
    [undefined, undefined],
    ['', undefined],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    ['Basic dXNlcjpwYXNz', 'basic'],
    ['Bearer', '(none)'],
    ['Bearer a b', 'bearer'],
    ['eyJhbGciOiJFUzI1NiJ9.e30.c2ln', '(none)'],
  ])('refuses %j as malformed, naming only the scheme word', (header, scheme) => {
    const error = (() => {
      try {
        bearerToken(header);
      } catch (thrown) {
        return thrown;
      }
    })() as AccessTokenError;

    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.reason).toBe('malformed_token');
    expect(error.details).toEqual({ scheme });
  });
});
