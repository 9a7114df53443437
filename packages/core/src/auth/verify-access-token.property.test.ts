import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AccessTokenError } from '../errors';
import { AUDIENCE, goodClaims, ISSUER, keysById, NOW, signToken, type TestKey, testKey } from './fixtures/tokens';
import { verifyAccessToken } from './verify-access-token';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

let key: TestKey;
let rsa: TestKey;

beforeAll(async () => {
  key = await testKey('ES256');
  rsa = await testKey('RS256');
});

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const anyJson = fc.oneof(
  fc.json(),
  anyText,
  fc.jsonValue().map((value) => JSON.stringify(value)),
);
/** Headers a hostile client might send, each as JSON text. */
const header = fc.oneof(
  anyJson,
  fc
    .record(
      {
        alg: fc.oneof(fc.constantFrom('ES256', 'RS256', 'none', 'HS256', 'EdDSA', 'PS512', ''), anyText),
        kid: fc.oneof(fc.constantFrom('key-es256', 'key-rs256'), anyText),
        crit: fc.array(anyText, { maxLength: 2 }),
        b64: fc.boolean(),
        typ: anyText,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);
const payload = fc.oneof(
  anyJson,
  fc
    .dictionary(fc.constantFrom('iss', 'aud', 'exp', 'nbf', 'scope', 'scp', 'client_id', 'sub'), fc.jsonValue())
    .map((value) => JSON.stringify(value)),
);
/** Compact-JWS-shaped strings, with segments that are base64url of anything, or not base64url at all. */
const segment = (json: fc.Arbitrary<string>) => fc.oneof(json.map(base64url), fc.base64String(), anyText);
const jwsShaped = fc
  .tuple(
    segment(header),
    segment(payload),
    fc.oneof(
      fc.base64String().map((text) => text.replace(/=/g, '')),
      anyText,
    ),
  )
  .map((parts) => parts.join('.'));

const outcome = async (token: string): Promise<'verified' | 'refused'> => {
  try {
    await verifyAccessToken({
      token,
      issuer: ISSUER,
      audience: AUDIENCE,
      getKey: keysById(key, rsa),
      requiredScope: 'conversations:read',
      now: NOW,
    });
    return 'verified';
  } catch (error) {
    if (error instanceof AccessTokenError) return 'refused';
    throw error;
  }
};

describe('verifyAccessToken, for any input', () => {
  it('returns a result or throws AccessTokenError for any string, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, jwsShaped), async (token) => {
        expect(await outcome(token)).toBe('refused');
      }),
      { numRuns },
    );
  });

  it('refuses every token whose payload differs from the signed one', async () => {
    const signed = await signToken(key);
    const [signedHeader, signedPayload, signature] = signed.split('.');
    await fc.assert(
      fc.asyncProperty(payload, async (json) => {
        fc.pre(base64url(json) !== signedPayload);
        expect(await outcome(`${signedHeader}.${base64url(json)}.${signature}`)).toBe('refused');
      }),
      { numRuns: Math.min(numRuns, 300) },
    );
  });

  it('verifies a good token whatever extra claims it carries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ minLength: 4 }), fc.jsonValue()), async (extra) => {
        const token = await signToken(key, { ...extra, ...goodClaims() });
        expect(await outcome(token)).toBe('verified');
      }),
      { numRuns: Math.min(numRuns, 200) },
    );
  });
});
