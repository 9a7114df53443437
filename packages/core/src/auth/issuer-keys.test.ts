import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessTokenError } from '../errors';
import { type IssuerServer, issuerServer } from './fixtures/issuer-server';
import { AUDIENCE, goodClaims, signToken, type TestKey, testKey } from './fixtures/tokens';
import { discoveryUrl, issuerKeys } from './issuer-keys';
import { verifyAccessToken } from './verify-access-token';

let key: TestKey;
let rotated: TestKey;
let server: IssuerServer | undefined;

beforeAll(async () => {
  key = await testKey('ES256', 'first');
  rotated = await testKey('RS256', 'second');
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const verifyWith = (getKey: ReturnType<typeof issuerKeys>, issuer: string, token: string) =>
  verifyAccessToken({ token, issuer, audience: AUDIENCE, getKey });

const reasonOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'verified',
    (error: unknown) => (error instanceof AccessTokenError ? error.reason : `not an AccessTokenError: ${error}`),
  );

describe('issuerKeys', () => {
  it('puts the discovery document under the issuer, with or without a trailing slash', () => {
    expect(discoveryUrl('https://issuer.test/tenant/v2.0/')).toBe(
      'https://issuer.test/tenant/v2.0/.well-known/openid-configuration',
    );
    expect(discoveryUrl('https://issuer.test')).toBe('https://issuer.test/.well-known/openid-configuration');
  });

  it('finds the JWKS through the discovery document and reads it once for many tokens', async () => {
    server = await issuerServer([key.publicJwk]);
    const getKey = issuerKeys({ issuer: server.issuer });
    const token = await signToken(key, goodClaims({ iss: server.issuer, exp: Math.floor(Date.now() / 1000) + 60 }));

    for (let round = 0; round < 3; round += 1) {
      expect((await verifyWith(getKey, server.issuer, token)).subject).toBe('client-42');
    }
    expect(server.requests).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('fetches no discovery document before the first token', async () => {
    server = await issuerServer([key.publicJwk]);

    issuerKeys({ issuer: server.issuer });

    expect(server.requests).toEqual([]);
  });

  it('picks up a rotated key without a restart', async () => {
    server = await issuerServer([key.publicJwk]);
    const getKey = issuerKeys({ issuer: server.issuer, cooldownMs: 0 });
    const claims = goodClaims({ iss: server.issuer, exp: Math.floor(Date.now() / 1000) + 60 });
    await verifyWith(getKey, server.issuer, await signToken(key, claims));

    server.setKeys([key.publicJwk, rotated.publicJwk]);

    expect((await verifyWith(getKey, server.issuer, await signToken(rotated, claims))).subject).toBe('client-42');
  });

  it('says issuer_unavailable while the issuer is down, and recovers once it answers', async () => {
    server = await issuerServer([key.publicJwk]);
    const getKey = issuerKeys({ issuer: server.issuer });
    const token = await signToken(key, goodClaims({ iss: server.issuer, exp: Math.floor(Date.now() / 1000) + 60 }));
    server.setDown(true);

    expect(await reasonOf(verifyWith(getKey, server.issuer, token))).toBe('issuer_unavailable');

    server.setDown(false);
    expect(await reasonOf(verifyWith(getKey, server.issuer, token))).toBe('verified');
  });

  it('refuses a discovery document that names another issuer', async () => {
    server = await issuerServer([key.publicJwk], { issuerOverride: 'https://attacker.test' });
    const getKey = issuerKeys({ issuer: server.issuer });
    const token = await signToken(key, goodClaims({ iss: server.issuer, exp: Math.floor(Date.now() / 1000) + 60 }));

    expect(await reasonOf(verifyWith(getKey, server.issuer, token))).toBe('issuer_unavailable');
  });

  it('says issuer_unavailable when nothing listens at the issuer', async () => {
    const getKey = issuerKeys({ issuer: 'http://127.0.0.1:9', timeoutMs: 500 });
    const token = await signToken(key, goodClaims({ iss: 'http://127.0.0.1:9' }));

    expect(await reasonOf(verifyWith(getKey, 'http://127.0.0.1:9', token))).toBe('issuer_unavailable');
  });
});
