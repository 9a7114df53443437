import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { SignatureVerificationError } from '../errors';
import { openMessagingSignature, signOpenMessaging } from './sign';
import { type VerifySignatureInput, verifySignature } from './verify-signature';

const SECRET = 'CAFEF00D';
// Compact JSON in the shape of an Open Messaging NormalizedMessage, with values of our own.
const MESSAGE = JSON.stringify({
  id: '4f0c2a9e81b7d3c6a5e4f1b2c3d4e5f6',
  channel: {
    id: '8a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    platform: 'Open',
    type: 'Private',
    messageId: '4f0c2a9e81b7d3c6a5e4f1b2c3d4e5f6',
    to: { id: 'customer-771@example-chat' },
    from: { nickname: 'Support', id: '8a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b', idType: 'Opaque' },
    time: '2026-03-02T08:15:30.250Z',
  },
  conversationId: '2b7c9d1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e',
  direction: 'Outbound',
  originatingEntity: 'Human',
  type: 'Text',
  text: 'Grüße – your order ships today 📦',
});

const errorOf = (input: VerifySignatureInput): SignatureVerificationError => {
  try {
    verifySignature(input);
  } catch (error) {
    if (error instanceof SignatureVerificationError) return error;
    throw error;
  }
  throw new Error('expected the signature to be refused');
};

const openMessaging = (body: string, signature: string | undefined, secrets = [SECRET]): VerifySignatureInput => ({
  scheme: 'open-messaging',
  body: { body },
  headers: signature === undefined ? {} : { 'X-Hub-Signature-256': signature },
  secrets,
});

describe('Open Messaging signatures', () => {
  it('match an independent HMAC-SHA256 in padded standard base64 behind sha256=', () => {
    const independent = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(MESSAGE, 'utf8')).digest('base64')}`;

    expect(openMessagingSignature(SECRET, MESSAGE)).toBe(independent);
    expect(independent).toMatch(/^sha256=[A-Za-z0-9+/]{43}=$/);
  });

  it('verify a body signed as Genesys signs it, with the header in any case', () => {
    const { body, headers } = signOpenMessaging({ body: MESSAGE, secret: SECRET });
    const shouted = { 'X-HUB-SIGNATURE-256': headers['x-hub-signature-256'] as string };

    expect(verifySignature({ scheme: 'open-messaging', body: { body }, headers, secrets: [SECRET] }).payload).toBe(
      MESSAGE,
    );
    expect(
      verifySignature({ scheme: 'open-messaging', body: { body }, headers: shouted, secrets: [SECRET] }).scheme,
    ).toBe('open-messaging');
  });

  it('verify with any secret of the list and name the one that matched', () => {
    const signature = openMessagingSignature('previous-token', MESSAGE);

    expect(verifySignature(openMessaging(MESSAGE, signature, [SECRET, 'previous-token'])).matchedSecretIndex).toBe(1);
  });

  it('verify a base64-encoded body over its decoded bytes', () => {
    const signature = openMessagingSignature(SECRET, MESSAGE);
    const input = {
      ...openMessaging(Buffer.from(MESSAGE).toString('base64'), signature),
      body: { body: Buffer.from(MESSAGE).toString('base64'), isBase64Encoded: true },
    };

    expect(verifySignature(input).payload).toBe(MESSAGE);
  });

  it.each([
    [
      'a hex digest',
      (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      'malformed_signature',
      'hex_instead_of_base64',
    ],
    [
      'no sha256= prefix',
      (body: string) => openMessagingSignature(SECRET, body).slice('sha256='.length),
      'malformed_signature',
      'missing_prefix',
    ],
    [
      'a truncated digest',
      (body: string) => openMessagingSignature(SECRET, body).slice(0, 30),
      'malformed_signature',
      'wrong_length',
    ],
    [
      'the wrong secret',
      (body: string) => openMessagingSignature('not-the-token', body),
      'signature_mismatch',
      'no_secret_matched',
    ],
    [
      'a secret with a trailing newline',
      (body: string) => openMessagingSignature(`${SECRET}\n`, body),
      'signature_mismatch',
      'secret_with_whitespace',
    ],
    [
      'a re-serialised body',
      (body: string) => openMessagingSignature(SECRET, JSON.stringify(JSON.parse(body), null, 2)),
      'signature_mismatch',
      'signed_reserialised_body',
    ],
  ])('refuse a signature made with %s and diagnose it', (_, sign, reason, diagnosis) => {
    const error = errorOf(openMessaging(MESSAGE, sign(MESSAGE)));

    expect(error.reason).toBe(reason);
    expect(error.details.diagnosis).toBe(diagnosis);
    expect(error.details.secretsTried).toBe(1);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(SECRET);
  });

  it('refuse a pretty-printed body signed over its compact form', () => {
    const pretty = JSON.stringify(JSON.parse(MESSAGE), null, 2);

    const error = errorOf(openMessaging(pretty, openMessagingSignature(SECRET, MESSAGE)));

    expect(error.details.diagnosis).toBe('signed_reserialised_body');
  });

  it('diagnose a sender that signed the base64 text of the body instead of its bytes', () => {
    const base64 = Buffer.from(MESSAGE).toString('base64');

    const error = errorOf({
      ...openMessaging(base64, openMessagingSignature(SECRET, base64)),
      body: { body: base64, isBase64Encoded: true },
    });

    expect(error.details).toMatchObject({ diagnosis: 'signed_base64_text', bodyWasBase64Encoded: true });
  });

  it('report a missing header as a missing signature', () => {
    const error = errorOf(openMessaging(MESSAGE, undefined));

    expect(error.reason).toBe('missing_signature');
    expect(error.details.expectedIn).toBe('X-Hub-Signature-256 header');
  });
});
