import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { GenesysEventsError, MalformedPayloadError, SignatureVerificationError } from '../errors';
import { hexSignature, signSeedForm, signSeedHeader } from './sign';
import { type VerifySignatureInput, verifySignature } from './verify-signature';

const SECRET = 'whsec-current-5b1e0c7a9d';
const OLD_SECRET = 'whsec-previous-e84f21c6b3';
const WRONG_SECRET = 'whsec-attacker-guess-0000';

const CONVERSATION_EVENT = JSON.stringify({
  eventType: 'conversation:created',
  conversation: { id: '7d0f3c2e-4b8a-4e61-9c5d-2a1b3c4d5e6f', type: 'call' },
  timestamp: '2025-03-14T09:26:53.589Z',
});

const ENVELOPE_BODY = JSON.stringify({
  'detail-type': 'call.analysis.completed',
  source: 'genesys.cloud',
  detail: { interactionId: '7d0f3c2e-4b8a-4e61-9c5d-2a1b3c4d5e6f', transcript: 'hello', sentiment: 'positive' },
});

/** Runs `act`, expecting it to throw, and returns what it threw. */
const thrownBy = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
};

const signatureErrorOf = (input: VerifySignatureInput): SignatureVerificationError => {
  const error = thrownBy(() => verifySignature(input));
  expect(error).toBeInstanceOf(SignatureVerificationError);
  return error as SignatureVerificationError;
};

const payloadErrorOf = (input: VerifySignatureInput): MalformedPayloadError => {
  const error = thrownBy(() => verifySignature(input));
  expect(error).toBeInstanceOf(MalformedPayloadError);
  return error as MalformedPayloadError;
};

/** Everything an error would reveal if it were logged or serialised: message, stack, fields, details, cause. */
const everythingRevealedBy = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const details = error instanceof SignatureVerificationError ? error.details : {};
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(details),
    Object.values(details).map(String).join(' '),
    error.cause instanceof Error ? everythingRevealedBy(error.cause) : String(error.cause ?? ''),
  ].join('\n');
};

const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

describe('verifySignature with the seed-header scheme', () => {
  it('accepts a body signed with the configured secret', () => {
    const { body, headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: SECRET });

    const verified = verifySignature({ scheme: 'seed-header', body: { body }, headers, secrets: [SECRET] });

    expect(verified).toEqual({ scheme: 'seed-header', payload: ENVELOPE_BODY, matchedSecretIndex: 0 });
  });

  it('computes the same signature as an independent HMAC-SHA256 over the body bytes', () => {
    const independent = createHmac('sha256', SECRET).update(Buffer.from(ENVELOPE_BODY, 'utf8')).digest('hex');

    const { headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: SECRET });

    expect(hexSignature(SECRET, ENVELOPE_BODY)).toBe(independent);
    expect(headers['x-genesys-signature']).toBe(independent);
  });

  it.each(['X-Genesys-Signature', 'x-genesys-signature', 'X-GENESYS-SIGNATURE'])(
    'finds the signature in the %s header whatever its casing',
    (headerName) => {
      const headers = { 'Content-Type': 'application/json', [headerName]: hexSignature(SECRET, ENVELOPE_BODY) };

      const verified = verifySignature({
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers,
        secrets: [SECRET],
      });

      expect(verified.matchedSecretIndex).toBe(0);
    },
  );

  it('verifies the decoded bytes of a base64 body and hands back the decoded text', () => {
    const { headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: SECRET });
    const base64 = Buffer.from(ENVELOPE_BODY, 'utf8').toString('base64');

    const verified = verifySignature({
      scheme: 'seed-header',
      body: { body: base64, isBase64Encoded: true },
      headers,
      secrets: [SECRET],
    });

    expect(verified.payload).toBe(ENVELOPE_BODY);
  });

  it('rejects a signature computed over the base64 text instead of the decoded bytes', () => {
    const base64 = Buffer.from(ENVELOPE_BODY, 'utf8').toString('base64');
    const headers = { 'x-genesys-signature': hexSignature(SECRET, base64) };

    const error = signatureErrorOf({
      scheme: 'seed-header',
      body: { body: base64, isBase64Encoded: true },
      headers,
      secrets: [SECRET],
    });

    expect(error.reason).toBe('signature_mismatch');
    expect(error.details.bodyWasBase64Encoded).toBe(true);
  });

  it.each([
    ['emoji', '{"text":"great call 👍🏽🎉","by":"agent"}'],
    ['accented letters', '{"name":"Zoë Ångström-Müller","city":"São Paulo"}'],
    ['CJK characters', '{"note":"お電話ありがとうございます","queue":"客户服务"}'],
    ['a UTF-8 byte order mark', '\uFEFF{"eventType":"conversation:updated"}'],
  ])('verifies a body with %s byte for byte', (_, text) => {
    const { body, headers } = signSeedHeader({ body: text, secret: SECRET });

    const verified = verifySignature({ scheme: 'seed-header', body: { body }, headers, secrets: [SECRET] });

    expect(verified.payload).toBe(text);
    expect(Buffer.from(verified.payload, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('keeps the byte order mark when a base64 body starts with one', () => {
    const text = '\uFEFF{"eventType":"conversation:updated"}';
    const { headers } = signSeedHeader({ body: text, secret: SECRET });
    const bytes = Buffer.from(text, 'utf8');

    const verified = verifySignature({
      scheme: 'seed-header',
      body: { body: bytes.toString('base64'), isBase64Encoded: true },
      headers,
      secrets: [SECRET],
    });

    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(verified.payload.startsWith('\uFEFF')).toBe(true);
  });

  it('rejects a body that was re-serialised with different whitespace', () => {
    const original = '{\n  "eventType": "conversation:created",\n  "conversation": { "id": "c-41" }\n}';
    const { headers } = signSeedHeader({ body: original, secret: SECRET });
    const reserialised = JSON.stringify(JSON.parse(original));

    const error = signatureErrorOf({ scheme: 'seed-header', body: { body: reserialised }, headers, secrets: [SECRET] });

    expect(reserialised).not.toBe(original);
    expect(error.reason).toBe('signature_mismatch');
  });

  it('accepts a body signed with an older secret and reports which one matched', () => {
    const { body, headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: OLD_SECRET });

    const verified = verifySignature({ scheme: 'seed-header', body: { body }, headers, secrets: [SECRET, OLD_SECRET] });

    expect(verified.matchedSecretIndex).toBe(1);
  });

  it('reports how many secrets were tried when none matches', () => {
    const { body, headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: WRONG_SECRET });

    const error = signatureErrorOf({
      scheme: 'seed-header',
      body: { body },
      headers,
      secrets: [SECRET, OLD_SECRET, 'whsec-third'],
    });

    expect(error.reason).toBe('signature_mismatch');
    expect(error.details.secretsTried).toBe(3);
  });

  it.each([
    ['no headers at all', undefined],
    ['null headers', null],
    ['no signature header', { 'content-type': 'application/json' }],
    ['an empty signature header', { 'x-genesys-signature': '' }],
    ['a blank signature header', { 'x-genesys-signature': '   ' }],
  ])('reports a missing signature for %s', (_, headers) => {
    const error = signatureErrorOf({
      scheme: 'seed-header',
      body: { body: ENVELOPE_BODY },
      headers,
      secrets: [SECRET],
    });

    expect(error.reason).toBe('missing_signature');
    expect(error.details.expectedIn).toBe('X-Genesys-Signature header');
  });

  it.each([
    ['upper-case hex', (mac: string) => mac.toUpperCase(), 'uppercase_hex', 'upper-case hex of 64 characters'],
    ['truncated hex', (mac: string) => mac.slice(0, 40), 'wrong_length', 'hex of 40 characters'],
    [
      'base64',
      (mac: string) => Buffer.from(mac, 'hex').toString('base64'),
      'base64_instead_of_hex',
      'base64 of 44 characters',
    ],
    [
      'a sha256= prefix',
      (mac: string) => `sha256=${mac}`,
      'unexpected_prefix',
      'prefixed with sha256=, then hex of 64 characters',
    ],
    [
      'punctuation',
      (mac: string) => `${mac.slice(0, 10)}!?${mac.slice(12)}`,
      'not_encoded',
      'neither hex nor base64 (64 characters)',
    ],
  ])('reports a signature in %s as malformed and says what it looked like', (_, encode, diagnosis, looksLike) => {
    const signature = encode(hexSignature(SECRET, ENVELOPE_BODY));

    const error = signatureErrorOf({
      scheme: 'seed-header',
      body: { body: ENVELOPE_BODY },
      headers: { 'x-genesys-signature': signature },
      secrets: [SECRET],
    });

    expect(error.reason).toBe('malformed_signature');
    expect(error.details).toMatchObject({ diagnosis, looksLike, expectedFormat: 'hex', secretsTried: 1 });
  });

  it('refuses to verify anything when no secret is configured', () => {
    const { body, headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: SECRET });

    const error = signatureErrorOf({ scheme: 'seed-header', body: { body }, headers, secrets: [] });

    expect(error.reason).toBe('no_secrets_configured');
  });

  it.each([
    ['an empty string', { body: '' }],
    ['a null body', { body: null }],
    ['an undefined body', { body: undefined }],
    ['an empty base64 body', { body: '', isBase64Encoded: true }],
  ])('rejects %s as an empty body', (_, body) => {
    const error = payloadErrorOf({
      scheme: 'seed-header',
      body,
      headers: { 'x-genesys-signature': hexSignature(SECRET, '') },
      secrets: [SECRET],
    });

    expect(error.reason).toBe('empty_body');
  });
});

describe('verifySignature with the seed-form scheme', () => {
  it('accepts a form whose signature field matches the webhook field', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET });

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

    expect(verified).toEqual({ scheme: 'seed-form', payload: CONVERSATION_EVENT, matchedSecretIndex: 0 });
  });

  it('signs the decoded webhook field, as an independent HMAC-SHA256 confirms', () => {
    const independent = createHmac('sha256', SECRET).update(Buffer.from(CONVERSATION_EVENT, 'utf8')).digest('hex');

    const { body } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET });

    expect(new URLSearchParams(body).get('signature')).toBe(independent);
  });

  it('accepts a signature sent in the X-Genesys-Webhook-Signature header instead of the field', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET, signatureIn: 'header' });

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

    expect(new URLSearchParams(body).has('signature')).toBe(false);
    expect(verified.payload).toBe(CONVERSATION_EVENT);
  });

  it.each(['X-Genesys-Webhook-Signature', 'x-genesys-webhook-signature', 'X-GENESYS-WEBHOOK-SIGNATURE'])(
    'finds the form signature in the %s header whatever its casing',
    (headerName) => {
      const body = formBody({ webhook: CONVERSATION_EVENT });
      const headers = { [headerName]: hexSignature(SECRET, CONVERSATION_EVENT) };

      const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

      expect(verified.payload).toBe(CONVERSATION_EVENT);
    },
  );

  it('uses the signature field when both the field and the header are present', () => {
    const body = formBody({ webhook: CONVERSATION_EVENT, signature: hexSignature(SECRET, CONVERSATION_EVENT) });
    const headers = { 'x-genesys-webhook-signature': hexSignature(WRONG_SECRET, CONVERSATION_EVENT) };

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

    expect(verified.matchedSecretIndex).toBe(0);
  });

  it('does not look for a form signature in the seed-header X-Genesys-Signature header', () => {
    const body = formBody({ webhook: CONVERSATION_EVENT });
    const headers = { 'x-genesys-signature': hexSignature(SECRET, CONVERSATION_EVENT) };

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

    expect(error.reason).toBe('missing_signature');
    expect(error.details.expectedIn).toBe('X-Genesys-Webhook-Signature header');
  });

  it('verifies a base64 form body after decoding it, not the base64 text', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET });
    const base64 = Buffer.from(body, 'utf8').toString('base64');

    const verified = verifySignature({
      scheme: 'seed-form',
      body: { body: base64, isBase64Encoded: true },
      headers,
      secrets: [SECRET],
    });

    expect(verified.payload).toBe(CONVERSATION_EVENT);
  });

  it('does not parse a base64 form body as a form when it is marked as plain text', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET });
    const base64 = Buffer.from(body, 'utf8').toString('base64');

    const error = payloadErrorOf({ scheme: 'seed-form', body: { body: base64 }, headers, secrets: [SECRET] });

    expect(error.reason).toBe('missing_field');
  });

  it.each([
    ['emoji', '{"text":"thanks 🙏 see you 👋🏿"}'],
    ['accented letters', '{"customer":"Renée Češka","note":"façade naïve"}'],
    ['CJK characters', '{"note":"감사합니다 谢谢 ありがとう"}'],
    ['a UTF-8 byte order mark', '\uFEFF{"eventType":"conversation:created"}'],
  ])('verifies a webhook field with %s byte for byte', (_, webhook) => {
    const { body, headers } = signSeedForm({ webhook, secret: SECRET });

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET] });

    expect(verified.payload).toBe(webhook);
  });

  it('rejects a webhook field that was re-serialised with different whitespace', () => {
    const original = '{ "eventType": "conversation:updated", "conversation": { "id": "c-9" } }';
    const signature = hexSignature(SECRET, original);
    const body = formBody({ webhook: JSON.stringify(JSON.parse(original)), signature });

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('signature_mismatch');
    expect(error.details.signatureIn).toBe('signature field');
  });

  it('accepts a form signed with the older of two secrets', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: OLD_SECRET });

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET, OLD_SECRET] });

    expect(verified.matchedSecretIndex).toBe(1);
  });

  it('reports how many secrets were tried when no secret matches a form', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: WRONG_SECRET });

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers, secrets: [SECRET, OLD_SECRET] });

    expect(error.reason).toBe('signature_mismatch');
    expect(error.details.secretsTried).toBe(2);
  });

  it('reports a missing signature when neither the field nor the header carries one', () => {
    const body = formBody({ webhook: CONVERSATION_EVENT });

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('missing_signature');
  });

  it.each([
    ['upper-case hex', (mac: string) => mac.toUpperCase(), 'uppercase_hex'],
    ['truncated hex', (mac: string) => mac.slice(0, 63), 'wrong_length'],
    ['base64', (mac: string) => Buffer.from(mac, 'hex').toString('base64'), 'base64_instead_of_hex'],
    ['a sha256= prefix', (mac: string) => `sha256=${mac}`, 'unexpected_prefix'],
  ])('reports a form signature in %s as malformed', (_, encode, diagnosis) => {
    const signature = encode(hexSignature(SECRET, CONVERSATION_EVENT));
    const body = formBody({ webhook: CONVERSATION_EVENT, signature });

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('malformed_signature');
    expect(error.details.diagnosis).toBe(diagnosis);
  });

  it('refuses a request signed with an empty secret when the list holds one', () => {
    const { body, headers } = signSeedHeader({ body: ENVELOPE_BODY, secret: '' });

    const error = signatureErrorOf({ scheme: 'seed-header', body: { body }, headers, secrets: [SECRET, ''] });

    expect(error.reason).toBe('no_secrets_configured');
  });

  it('refuses to verify a form when no secret is configured', () => {
    const { body, headers } = signSeedForm({ webhook: CONVERSATION_EVENT, secret: SECRET });

    const error = signatureErrorOf({ scheme: 'seed-form', body: { body }, headers, secrets: [] });

    expect(error.reason).toBe('no_secrets_configured');
  });

  it('rejects an empty form body', () => {
    const error = payloadErrorOf({ scheme: 'seed-form', body: { body: '' }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('empty_body');
  });

  it('rejects a form without a webhook field', () => {
    const body = formBody({ payload: CONVERSATION_EVENT, signature: hexSignature(SECRET, CONVERSATION_EVENT) });

    const error = payloadErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('missing_field');
  });

  it('rejects a form with two webhook fields, because either could be the signed one', () => {
    const signature = hexSignature(SECRET, CONVERSATION_EVENT);
    const body = `${formBody({ webhook: CONVERSATION_EVENT, signature })}&webhook=${encodeURIComponent('{"evil":true}')}`;

    const error = payloadErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('duplicate_field');
  });

  it('rejects a form with two signature fields', () => {
    const signature = hexSignature(SECRET, CONVERSATION_EVENT);
    const body = `${formBody({ webhook: CONVERSATION_EVENT, signature })}&signature=${signature}`;

    const error = payloadErrorOf({ scheme: 'seed-form', body: { body }, headers: {}, secrets: [SECRET] });

    expect(error.reason).toBe('duplicate_field');
  });

  it.each([
    ['a non-hex escape', 'webhook=%zz'],
    ['a truncated multi-byte escape', 'webhook=%E0%A4%A'],
    ['a lone percent sign', 'webhook=100%'],
    ['an escaped UTF-16 surrogate', 'webhook=%ED%A0%80'],
  ])('rejects a form with %s as invalid percent-encoding', (_, body) => {
    const error = payloadErrorOf({
      scheme: 'seed-form',
      body: { body: `${body}&signature=${hexSignature(SECRET, 'x')}` },
      headers: {},
      secrets: [SECRET],
    });

    expect(error.reason).toBe('invalid_percent_encoding');
  });
});

describe('verifySignature errors', () => {
  const validMac = hexSignature(SECRET, ENVELOPE_BODY);
  const formMac = hexSignature(SECRET, CONVERSATION_EVENT);
  const forgedMac = hexSignature(WRONG_SECRET, ENVELOPE_BODY);

  const failures: [string, VerifySignatureInput, string[]][] = [
    [
      'a mismatched header signature',
      {
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers: { 'x-genesys-signature': forgedMac },
        secrets: [SECRET, OLD_SECRET],
      },
      [forgedMac, validMac, hexSignature(OLD_SECRET, ENVELOPE_BODY)],
    ],
    [
      'a mismatched form signature',
      {
        scheme: 'seed-form',
        body: {
          body: formBody({ webhook: CONVERSATION_EVENT, signature: hexSignature(WRONG_SECRET, CONVERSATION_EVENT) }),
        },
        headers: {},
        secrets: [SECRET],
      },
      [hexSignature(WRONG_SECRET, CONVERSATION_EVENT), formMac],
    ],
    [
      'an upper-case signature',
      {
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers: { 'x-genesys-signature': validMac.toUpperCase() },
        secrets: [SECRET],
      },
      [validMac.toUpperCase(), validMac],
    ],
    [
      'a base64 signature',
      {
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers: { 'x-genesys-signature': Buffer.from(validMac, 'hex').toString('base64') },
        secrets: [SECRET],
      },
      [Buffer.from(validMac, 'hex').toString('base64'), validMac],
    ],
    [
      'a prefixed signature',
      {
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers: { 'x-genesys-signature': `sha256=${validMac}` },
        secrets: [SECRET],
      },
      [validMac],
    ],
    [
      'a missing signature',
      {
        scheme: 'seed-form',
        body: { body: formBody({ webhook: CONVERSATION_EVENT }) },
        headers: {},
        secrets: [SECRET],
      },
      [formMac],
    ],
    [
      'invalid percent-encoding',
      {
        scheme: 'seed-form',
        body: { body: `webhook=%zz&signature=${formMac}` },
        headers: {},
        secrets: [SECRET],
      },
      [formMac],
    ],
    [
      'a duplicate field',
      {
        scheme: 'seed-form',
        body: { body: `webhook=a&webhook=b&signature=${formMac}` },
        headers: {},
        secrets: [SECRET],
      },
      [formMac],
    ],
    [
      'no configured secret',
      {
        scheme: 'seed-header',
        body: { body: ENVELOPE_BODY },
        headers: { 'x-genesys-signature': validMac },
        secrets: [],
      },
      [validMac],
    ],
  ];

  it.each(failures)('never reveal the secrets, the claimed signature or the computed MAC for %s', (_, input, macs) => {
    const error = thrownBy(() => verifySignature(input));
    const revealed = everythingRevealedBy(error);

    expect(error).toBeInstanceOf(GenesysEventsError);
    for (const secret of [SECRET, OLD_SECRET, WRONG_SECRET]) expect(revealed).not.toContain(secret);
    for (const mac of macs) {
      expect(revealed).not.toContain(mac);
      expect(revealed.toLowerCase()).not.toContain(mac.toLowerCase());
    }
  });
});
