import { beforeAll, describe, expect, it } from '@jest/globals';
import { AccessTokenError } from '../errors';
import {
  AUDIENCE,
  editedToken,
  goodClaims,
  hmacToken,
  ISSUER,
  keysById,
  NOW,
  NOW_SECONDS,
  signToken,
  type TestKey,
  testKey,
  unsignedToken,
} from './fixtures/tokens';
import { type VerifyAccessTokenInput, verifyAccessToken } from './verify-access-token';

let key: TestKey;
let other: TestKey;

beforeAll(async () => {
  key = await testKey('ES256');
  other = await testKey('ES256', key.kid);
});

const verify = (token: string | undefined, overrides: Partial<VerifyAccessTokenInput> = {}) =>
  verifyAccessToken({
    token,
    issuer: ISSUER,
    audience: AUDIENCE,
    getKey: keysById(key),
    requiredScope: 'conversations:read',
    now: NOW,
    ...overrides,
  });

/** The reason a verification failed with; fails the test when it did not fail with an AccessTokenError. */
const reasonOf = async (attempt: Promise<unknown>): Promise<string> => {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AccessTokenError);
  return (error as AccessTokenError).reason;
};

describe('verifyAccessToken', () => {
  it('accepts a good token and returns its claims, scopes and subject', async () => {
    const token = await signToken(key, goodClaims({ scope: 'conversations:read analytics:read' }));

    const verified = await verify(token);

    expect(verified.subject).toBe('client-42');
    expect([...verified.scopes]).toEqual(['conversations:read', 'analytics:read']);
    expect(verified.claims.iss).toBe(ISSUER);
  });

  it.each(['RS256', 'PS384', 'ES512', 'EdDSA'])('accepts a token signed with %s', async (alg) => {
    const rsaOrOther = await testKey(alg);

    const verified = await verify(await signToken(rsaOrOther), { getKey: keysById(rsaOrOther) });

    expect(verified.subject).toBe('client-42');
  });

  it.each([
    ['no token', undefined, 'missing_token'],
    ['an empty token', '', 'missing_token'],
    ['garbage', 'not-a-token', 'malformed_token'],
    ['two segments', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0', 'malformed_token'],
    ['a header that is not JSON', 'bm90LWpzb24.eyJzdWIiOiJ4In0.c2ln', 'malformed_token'],
    ['a token of 20 000 characters', `${'a'.repeat(10_000)}.${'b'.repeat(10_000)}.c`, 'malformed_token'],
  ])('refuses %s', async (_, token, reason) => {
    expect(await reasonOf(verify(token))).toBe(reason);
  });

  it.each([
    ['expired beyond the clock skew', { exp: NOW_SECONDS - 31 }, 'expired'],
    ['not valid before a time beyond the clock skew', { nbf: NOW_SECONDS + 31 }, 'not_yet_valid'],
    ['from another issuer', { iss: 'https://attacker.test' }, 'wrong_issuer'],
    ['without an issuer', { iss: undefined }, 'wrong_issuer'],
    ['for another audience', { aud: 'another-api' }, 'wrong_audience'],
    ['without an audience or client id', { aud: undefined }, 'wrong_audience'],
    ['without exp', { exp: undefined }, 'invalid_claim'],
    ['without the scope', { scope: 'analytics:read' }, 'insufficient_scope'],
    ['with a scope that only starts like the required one', { scope: 'conversations:readwrite' }, 'insufficient_scope'],
  ])('refuses a token %s', async (_, claims, reason) => {
    const token = await signToken(key, goodClaims(claims));

    expect(await reasonOf(verify(token))).toBe(reason);
  });

  it('accepts exp and nbf within the 30 s clock skew', async () => {
    const token = await signToken(key, goodClaims({ exp: NOW_SECONDS - 29, nbf: NOW_SECONDS + 29 }));

    expect((await verify(token)).subject).toBe('client-42');
  });

  it('accepts the audience in an aud list, or in client_id when there is no aud (Cognito access tokens)', async () => {
    const listed = await signToken(key, goodClaims({ aud: ['other', AUDIENCE] }));
    const cognito = await signToken(key, goodClaims({ aud: undefined, client_id: AUDIENCE }));

    expect((await verify(listed)).subject).toBe('client-42');
    expect((await verify(cognito)).subject).toBe('client-42');
  });

  it('takes the scope from scp as a string or an array', async () => {
    const asString = await signToken(key, goodClaims({ scope: undefined, scp: 'conversations:read' }));
    const asArray = await signToken(
      key,
      goodClaims({ scope: undefined, scp: ['analytics:read', 'conversations:read'] }),
    );

    expect((await verify(asString)).scopes.has('conversations:read')).toBe(true);
    expect((await verify(asArray)).scopes.has('conversations:read')).toBe(true);
  });

  it('refuses alg none, HS256 and an algorithm outside the list without looking up a key', async () => {
    let lookups = 0;
    const getKey = async () => {
      lookups += 1;
      return key.publicKey;
    };

    expect(await reasonOf(verify(unsignedToken(), { getKey }))).toBe('algorithm_not_allowed');
    expect(await reasonOf(verify(await hmacToken(key), { getKey }))).toBe('algorithm_not_allowed');
    expect(lookups).toBe(0);
  });

  it('refuses a token signed by another key with the same kid', async () => {
    expect(await reasonOf(verify(await signToken(other)))).toBe('bad_signature');
  });

  it('refuses a token whose payload was edited after signing', async () => {
    const token = await editedToken(key, { scope: 'conversations:read conversations:erase' });

    expect(await reasonOf(verify(token))).toBe('bad_signature');
  });

  it('refuses a token whose signature was altered', async () => {
    const token = await signToken(key);
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

    expect(await reasonOf(verify(flipped))).toBe('bad_signature');
  });

  it('refuses a token whose kid the issuer does not know', async () => {
    const token = await signToken(key, goodClaims(), { kid: 'unknown-kid' });

    expect(await reasonOf(verify(token))).toBe('unknown_key');
  });

  it('says the issuer is unavailable when the key lookup fails for another reason', async () => {
    const getKey = async (): Promise<never> => {
      throw new TypeError('fetch failed');
    };

    expect(await reasonOf(verify(await signToken(key), { getKey }))).toBe('issuer_unavailable');
  });

  it('logs safe details only: the claimed algorithm, never the token', async () => {
    const token = await hmacToken(key);

    const error = (await verify(token).catch((thrown: unknown) => thrown)) as AccessTokenError;

    expect(error.details).toEqual({ algorithm: 'HS256' });
    expect(JSON.stringify(error.details)).not.toContain(token.split('.')[2]);
    expect(error.message).not.toContain(token);
  });

  it('requires no scope when none is given', async () => {
    const token = await signToken(key, goodClaims({ scope: undefined }));

    expect((await verify(token, { requiredScope: undefined })).scopes.size).toBe(0);
  });
});
