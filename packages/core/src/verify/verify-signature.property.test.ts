import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { GenesysEventsError, MalformedPayloadError, SignatureVerificationError } from '../errors';
import type { HeaderMap } from '../http/headers';
import { hexSignature, signSeedForm, signSeedHeader } from './sign';
import { type VerifySignatureInput, verifySignature } from './verify-signature';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

/** Any UTF-16 code unit sequence, lone surrogates included. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), anyCodeUnits);
/** Strings as a sender would type them: well-formed Unicode, from emoji and CJK to control characters. */
const unicodeText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
// Empty secrets are refused as not configured (a separate unit test); every other secret must work.
const secret = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyCodeUnits).filter((value) => value.length > 0);

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const signatureLike = fc.oneof(
  anyText,
  hex64,
  hex64.map((hex) => hex.toUpperCase()),
  hex64.map((hex) => `sha256=${hex}`),
  hex64.map((hex) => Buffer.from(hex, 'hex').toString('base64')),
  hex64.map((hex) => ` ${hex}\n`),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'x-genesys-signature',
    'X-Genesys-Signature',
    'X-GENESYS-SIGNATURE',
    'x-genesys-webhook-signature',
    'X-Genesys-Webhook-Signature',
    'content-type',
    '__proto__',
    'constructor',
  ),
  anyText,
);
const headers: fc.Arbitrary<HeaderMap | null | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.dictionary(headerName, fc.option(signatureLike, { nil: undefined })),
  fc.dictionary(headerName, signatureLike, { noNullPrototype: true }),
);
/** Form-like bodies: fragments of well-formed and broken forms, glued together. */
const formLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'webhook',
        'signature',
        '=',
        '&',
        '+',
        '%',
        '%zz',
        '%E0%A4%A',
        '%F0%9F%91%8D',
        '%ED%A0%80',
        '%7B',
      ),
      anyText,
      hex64,
    ),
  )
  .map((parts) => parts.join(''));
const base64OfBytes = fc.uint8Array().map((bytes) => Buffer.from(bytes).toString('base64'));
const body = fc.oneof(
  fc.record({ body: fc.oneof(anyText, formLike), isBase64Encoded: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.record({ body: fc.oneof(base64OfBytes, anyText), isBase64Encoded: fc.constant(true) }),
  fc.record({ body: fc.constantFrom(null, undefined) }),
);
const anyInput: fc.Arbitrary<VerifySignatureInput> = fc.record({
  scheme: fc.constantFrom('seed-form' as const, 'seed-header' as const),
  body,
  headers,
  secrets: fc.array(secret, { maxLength: 3 }),
});

/** The text a string becomes on the wire: UTF-8, where a lone surrogate turns into U+FFFD. */
const asSent = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** The signing secret placed among others, and where. */
const secretsWith = (signing: string, others: string[], position: number) => {
  const index = Math.min(position, others.length);
  return { secrets: [...others.slice(0, index), signing, ...others.slice(index)], index };
};

const settled = (input: VerifySignatureInput): unknown => {
  try {
    return verifySignature(input);
  } catch (error) {
    return error;
  }
};

describe('verifySignature properties', () => {
  it('either returns a verification or throws a GenesysEventsError, for any input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        let thrown: unknown;
        try {
          verifySignature(input);
        } catch (error) {
          thrown = error;
        }
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(GenesysEventsError);
          expect(thrown instanceof SignatureVerificationError || thrown instanceof MalformedPayloadError).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('verifies every seed form it signed, whatever the text and the secrets', () => {
    fc.assert(
      fc.property(
        unicodeText,
        secret,
        fc.array(secret, { maxLength: 3 }),
        fc.nat(3),
        fc.constantFrom('field' as const, 'header' as const),
        fc.boolean(),
        (webhook, signing, others, position, signatureIn, asBase64) => {
          const { body, headers } = signSeedForm({ webhook, secret: signing, signatureIn });
          const { secrets, index } = secretsWith(signing, others, position);
          const sent = asBase64 ? Buffer.from(body, 'utf8').toString('base64') : body;

          const verified = verifySignature({
            scheme: 'seed-form',
            body: { body: sent, isBase64Encoded: asBase64 },
            headers,
            secrets,
          });

          expect(verified.payload).toBe(webhook);
          expect(verified.matchedSecretIndex).toBeLessThanOrEqual(index);
          expect(hexSignature(secrets[verified.matchedSecretIndex] ?? '', webhook)).toBe(
            hexSignature(signing, webhook),
          );
        },
      ),
      { numRuns },
    );
  });

  it('verifies every seed header request it signed, whatever the text and the secrets', () => {
    fc.assert(
      fc.property(
        unicodeText.filter((text) => text.length > 0),
        secret,
        fc.array(secret, { maxLength: 3 }),
        fc.nat(3),
        fc.boolean(),
        (text, signing, others, position, asBase64) => {
          const { body, headers } = signSeedHeader({ body: text, secret: signing });
          const { secrets, index } = secretsWith(signing, others, position);
          const sent = asBase64 ? Buffer.from(body, 'utf8').toString('base64') : body;

          const verified = verifySignature({
            scheme: 'seed-header',
            body: { body: sent, isBase64Encoded: asBase64 },
            headers,
            secrets,
          });

          expect(verified.payload).toBe(text);
          expect(verified.matchedSecretIndex).toBeLessThanOrEqual(index);
        },
      ),
      { numRuns },
    );
  });

  it('verifies text with lone surrogates as the UTF-8 it is sent as', () => {
    fc.assert(
      fc.property(
        anyCodeUnits.filter((text) => text.length > 0),
        secret,
        (text, signing) => {
          const header = signSeedHeader({ body: text, secret: signing });
          const form = signSeedForm({ webhook: text, secret: signing });

          const viaHeader = verifySignature({
            scheme: 'seed-header',
            body: header,
            headers: header.headers,
            secrets: [signing],
          });
          const viaForm = verifySignature({
            scheme: 'seed-form',
            body: form,
            headers: form.headers,
            secrets: [signing],
          });

          expect(viaHeader.payload).toBe(asSent(text));
          expect(viaForm.payload).toBe(asSent(text));
        },
      ),
      { numRuns },
    );
  });

  it('rejects a seed header body with any single byte changed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 1 }),
          unicodeText.filter((text) => text.length > 0).map((text) => new Uint8Array(Buffer.from(text, 'utf8'))),
        ),
        secret,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, signing, position, mask) => {
          const headers = { 'x-genesys-signature': hexSignature(signing, bytes) };
          const flipped = Buffer.from(bytes);
          const index = position % flipped.length;
          flipped[index] = (flipped[index] ?? 0) ^ mask;
          const request = (sent: Buffer): VerifySignatureInput => ({
            scheme: 'seed-header',
            body: { body: sent.toString('base64'), isBase64Encoded: true },
            headers,
            secrets: [signing],
          });

          const original = settled(request(Buffer.from(bytes)));
          const tampered = settled(request(flipped));

          expect(original).toMatchObject({ matchedSecretIndex: 0 });
          expect(tampered).toBeInstanceOf(SignatureVerificationError);
          expect(tampered).toMatchObject({ reason: 'signature_mismatch' });
        },
      ),
      { numRuns },
    );
  });

  // The seed-form scheme signs the decoded `webhook` field, not the raw form bytes, so equivalent encodings of
  // the same field (`%7b` for `%7B`) still verify; what must never verify is a change to the signed field.
  it('rejects a seed form whose webhook field has any single byte changed', () => {
    fc.assert(
      fc.property(
        unicodeText.filter((text) => text.length > 0),
        secret,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (webhook, signing, position, mask) => {
          const { body } = signSeedForm({ webhook, secret: signing });
          const signature = new URLSearchParams(body).get('signature') ?? '';
          const bytes = Buffer.from(webhook, 'utf8');
          const index = position % bytes.length;
          bytes[index] = (bytes[index] ?? 0) ^ mask;
          const escaped = [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

          const tampered = settled({
            scheme: 'seed-form',
            body: { body: `webhook=${escaped}&signature=${signature}` },
            headers: {},
            secrets: [signing],
          });

          expect(tampered).toBeInstanceOf(GenesysEventsError);
          expect(['signature_mismatch', 'invalid_percent_encoding']).toContain((tampered as GenesysEventsError).reason);
        },
      ),
      { numRuns },
    );
  });

  it('never puts a secret or a MAC into an error', () => {
    fc.assert(
      fc.property(
        unicodeText.filter((text) => text.length > 0),
        fc.stringMatching(/^[0-9a-f]{24,40}$/),
        fc.stringMatching(/^[0-9a-f]{24,40}$/),
        (text, signing, configured) => {
          fc.pre(signing !== configured);
          const { body, headers } = signSeedHeader({ body: text, secret: signing });

          const error = settled({ scheme: 'seed-header', body: { body }, headers, secrets: [configured] });
          const revealed = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify((error as SignatureVerificationError).details)}`;

          expect(error).toBeInstanceOf(SignatureVerificationError);
          expect(revealed).not.toContain(hexSignature(signing, text));
          expect(revealed).not.toContain(hexSignature(configured, text));
          expect(revealed).not.toContain(configured);
        },
      ),
      { numRuns },
    );
  });
});
