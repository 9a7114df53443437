import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signOpenMessaging, signSeedForm, signSeedHeader } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { loadSettings } from '../config/settings';
import { runCli, temporaryRoot } from '../test-support/memory-io';
import { type CapturedRequest, checkCapturedRequest, checkOf, parseCapturedRequest } from './request-check';

const root = temporaryRoot();
const settings = loadSettings({ env: {}, root });
const SEED_BODY = '{"eventType":"conversation:created","conversation":{"id":"c-doctor"}}';
const MESSAGE = '{"id":"m-1","channel":{"time":"2026-01-15T10:00:00.000Z"},"type":"Text","text":"hello"}';

const hmac = (secret: string, body: string, encoding: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(body).digest(encoding);

const messages = (request: CapturedRequest, secret?: string) =>
  checkCapturedRequest({ request, settings, secret }).map((item) => `${item.level}: ${item.message}`);

describe('checkCapturedRequest', () => {
  it('names a hex digest where Open Messaging expects base64', () => {
    const headers = { 'X-Hub-Signature-256': `sha256=${hmac('test-open-messaging-secret', MESSAGE, 'hex')}` };

    expect(messages({ headers, body: MESSAGE, path: '/webhooks/open-messaging' })).toEqual([
      expect.stringMatching(/^problem: .*the digest is hex where standard base64 was expected \(hex_instead_of_base64/),
    ]);
  });

  it('names a secret with a trailing newline', () => {
    const signed = signSeedHeader({ body: SEED_BODY, secret: 'test-genesys-secret\n' });

    expect(messages({ headers: signed.headers, body: SEED_BODY })).toEqual([
      expect.stringMatching(/^problem: .*surrounding whitespace.*\(secret_with_whitespace;/),
    ]);
  });

  it('names a missing sha256= prefix and an upper-case hex digest', () => {
    const base64 = hmac('test-open-messaging-secret', MESSAGE, 'base64');
    const hex = hmac('test-genesys-secret', SEED_BODY, 'hex').toUpperCase();

    expect(messages({ headers: { 'x-hub-signature-256': base64 }, body: MESSAGE })[0]).toContain('(missing_prefix;');
    expect(messages({ headers: { 'x-genesys-signature': hex }, body: SEED_BODY })[0]).toContain('(uppercase_hex;');
  });

  it('says where the signature was expected when there is none', () => {
    expect(messages({ headers: {}, body: SEED_BODY, path: '/webhooks/genesys' })).toEqual([
      'problem: the request carries no signature; expected in the X-Genesys-Signature header',
    ]);
  });

  it('confirms a valid signature and says which secret matched', () => {
    const current = signOpenMessaging({ body: MESSAGE, secret: 'test-open-messaging-secret' });
    const previous = signSeedForm({ webhook: SEED_BODY, secret: 'test-genesys-secret-previous' });

    expect(messages({ headers: current.headers, body: MESSAGE })).toEqual([
      'ok: the open-messaging signature verifies with secret 1 of 1, the current one',
      'ok: the body is recognised as open-messaging',
    ]);
    expect(messages({ headers: previous.headers, body: previous.body })[0]).toContain('secret 2 of 2, an older one');
  });

  it('verifies a base64-encoded form body on its decoded bytes', () => {
    const form = signSeedForm({ webhook: SEED_BODY, secret: 'test-genesys-secret' });
    const request = { headers: form.headers, body: Buffer.from(form.body).toString('base64'), isBase64Encoded: true };

    expect(messages(request)[0]).toContain('seed-form signature verifies with secret 1 of 2');
  });

  it('checks with --secret instead of the configured list', () => {
    const signed = signSeedHeader({ body: SEED_BODY, secret: 'sender-secret' });

    expect(messages({ headers: signed.headers, body: SEED_BODY }, 'sender-secret')[0]).toMatch(/^ok: /);
  });

  it('checks the API key of the EventBridge route', () => {
    const path = '/webhooks/eventbridge';

    expect(messages({ headers: { 'x-api-key': 'test-api-key' }, body: '{}', path })[0]).toBe(
      'ok: the API key matches key 1 of 1',
    );
    expect(messages({ headers: { 'x-api-key': 'test-api-key\n' }, body: '{}', path })[0]).toContain(
      'key_with_whitespace',
    );
    expect(messages({ headers: { 'x-api-key': 'wrong' }, body: '{}', path })[0]).toContain('no_key_matched');
  });

  it('flags an authentic body the route would still refuse', () => {
    const signed = signSeedHeader({ body: '{"hello":"world"}', secret: 'test-genesys-secret' });

    expect(messages({ headers: signed.headers, body: signed.body })[1]).toContain(
      'would answer 400 (unrecognised_shape',
    );
  });
});

describe('checkOf', () => {
  it.each([
    [{ path: '/prod/webhooks/open-messaging', headers: {} }, 'open-messaging'],
    [{ path: '/webhooks/eventbridge', headers: {} }, 'api-key'],
    [{ headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } }, 'seed-form'],
    [{ headers: { 'X-Hub-Signature-256': 'sha256=x' } }, 'open-messaging'],
    [{ headers: { 'x-api-key': 'k' } }, 'api-key'],
    [{ headers: { 'x-api-key': 'k', 'x-genesys-signature': 'ab' } }, 'seed-header'],
  ])('checks %j with %s', (request, check) => {
    expect(checkOf({ body: '', ...request }, 'x-api-key')).toBe(check);
  });
});

describe('parseCapturedRequest', () => {
  it('takes API Gateway rawPath as the path', () => {
    expect(parseCapturedRequest('{"headers":{"a":"b"},"body":"x","rawPath":"/webhooks/genesys"}').path).toBe(
      '/webhooks/genesys',
    );
  });

  it.each(['not json', '{"body":"x"}', '{"headers":{},"body":{}}'])('refuses %s', (text) => {
    expect(() => parseCapturedRequest(text)).toThrow('captured request');
  });
});

describe('genesys-events doctor --request', () => {
  it('exits non-zero with the reason in one line', async () => {
    const signed = signSeedHeader({ body: SEED_BODY, secret: 'test-genesys-secret\n' });
    writeFileSync(join(root, 'captured.json'), JSON.stringify({ headers: signed.headers, body: SEED_BODY }));

    const { code, stdout, stderr } = await runCli(['doctor', '--offline', '--request', 'captured.json'], { root });

    expect(code).toBe(1);
    expect(stdout).toContain('PROBLEM  request: the seed-header signature does not verify');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('secret_with_whitespace');
  });
});
