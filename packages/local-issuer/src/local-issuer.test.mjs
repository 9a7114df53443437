import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  loadOrCreateSigningKey,
  mintAccessToken,
  parseTokenRequest,
  SIGNING_KEY_FILE,
  startLocalIssuer,
} from './index.mjs';

const AUDIENCE = 'genesys-events';
const temporaryDir = () => mkdtempSync(join(tmpdir(), 'local-issuer-test-'));
let running;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const tokenFrom = async (issuer, form) => {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return { status: response.status, body: await response.json() };
};

describe('loadOrCreateSigningKey', () => {
  it('creates an ES256 key on first use, readable by its owner only, and loads the same key afterwards', async () => {
    const dir = temporaryDir();

    const first = await loadOrCreateSigningKey(dir);
    const second = await loadOrCreateSigningKey(dir);

    expect(first.alg).toBe('ES256');
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
    expect(first.publicJwk).not.toHaveProperty('d');
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, SIGNING_KEY_FILE), 'utf8'))).toHaveProperty('d');
  });

  it('makes RS256 keys on request', async () => {
    expect((await loadOrCreateSigningKey(temporaryDir(), { alg: 'RS256' })).publicJwk.kty).toBe('RSA');
  });

  it('gives two concurrent first starts the same key', async () => {
    const dir = temporaryDir();

    const [one, two] = await Promise.all([loadOrCreateSigningKey(dir), loadOrCreateSigningKey(dir)]);

    expect(one.kid).toBe(two.kid);
  });
});

describe('mintAccessToken', () => {
  it('mints a token with the standard claims, and lets claims be replaced or removed', async () => {
    const key = await loadOrCreateSigningKey(temporaryDir());
    const now = new Date('2091-06-15T10:00:00Z');

    const token = await mintAccessToken({
      key,
      issuer: 'http://127.0.0.1:1',
      audience: AUDIENCE,
      scope: 'analytics:read',
      ttlSeconds: 60,
      claims: { sub: undefined, extra: 'x' },
      now,
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' });
    expect(payload).toMatchObject({ iss: 'http://127.0.0.1:1', aud: AUDIENCE, scope: 'analytics:read', extra: 'x' });
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload).not.toHaveProperty('sub');
  });
});

describe('parseTokenRequest', () => {
  it.each([
    ['scope=conversations:read', { ok: true, scope: 'conversations:read', ttlSeconds: 3600 }],
    ['grant_type=client_credentials&scope=a b a&ttl=5', { ok: true, scope: 'a b', ttlSeconds: 5 }],
    ['', { ok: true, scope: '', ttlSeconds: 3600 }],
  ])('reads %j', (form, expected) => {
    expect(parseTokenRequest(form)).toEqual(expected);
  });

  it.each([
    ['grant_type=password', 'unsupported_grant_type'],
    ['scope=%22quoted%22', 'invalid_scope'],
    ['ttl=0', 'invalid_request'],
    ['ttl=86401', 'invalid_request'],
    ['ttl=1.5', 'invalid_request'],
  ])('refuses %j', (form, error) => {
    expect(parseTokenRequest(form)).toMatchObject({ ok: false, error });
  });
});

describe('startLocalIssuer', () => {
  it('serves discovery and a JWKS with which the tokens of its token endpoint verify', async () => {
    running = await startLocalIssuer({ dir: temporaryDir(), port: 0, audience: AUDIENCE });
    const discovery = await (await fetch(`${running.issuer}/.well-known/openid-configuration`)).json();

    const { status, body } = await tokenFrom(running.issuer, 'scope=conversations:read+analytics:read&ttl=120');
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer,
      audience: AUDIENCE,
    });

    expect(discovery).toMatchObject({
      issuer: running.issuer,
      jwks_uri: `${running.issuer}/jwks`,
      token_endpoint: `${running.issuer}/token`,
      id_token_signing_alg_values_supported: ['ES256'],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: 'conversations:read analytics:read' });
    expect(payload.scope).toBe('conversations:read analytics:read');
  });

  it('keeps its key across restarts in the same directory', async () => {
    const dir = temporaryDir();
    const first = await startLocalIssuer({ dir, port: 0, audience: AUDIENCE });
    await first.close();

    running = await startLocalIssuer({ dir, port: 0, audience: AUDIENCE });

    expect(running.key.kid).toBe(first.key.kid);
  });

  it('answers bad token requests with 400 and an OAuth error, other methods with 405, unknown paths 404', async () => {
    running = await startLocalIssuer({ dir: temporaryDir(), port: 0, audience: AUDIENCE });

    const bad = await tokenFrom(running.issuer, 'ttl=forever');
    const huge = await tokenFrom(running.issuer, `scope=${'a'.repeat(9000)}`);

    expect(bad).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_request' }) });
    expect(huge.status).toBe(400);
    expect((await fetch(`${running.issuer}/token`)).status).toBe(405);
    expect((await fetch(`${running.issuer}/admin`)).status).toBe(404);
  });
});
