import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../test-support/memory-io';
import { type ReceivedRequest, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';

/** A stand-in issuer: discovery names its token endpoint, which grants what the form asks for. */
const issuerAnswer = (base: () => string) => (request: ReceivedRequest) => {
  if (request.path === '/.well-known/openid-configuration') {
    return { status: 200, body: { issuer: base(), token_endpoint: `${base()}/token` } };
  }
  const form = new URLSearchParams(request.body);
  if (form.get('scope') === 'refused:scope') {
    return { status: 400, body: { error: 'invalid_scope', error_description: 'no such scope' } };
  }
  return {
    status: 200,
    body: {
      access_token: `token-for-${form.get('scope')}`,
      token_type: 'Bearer',
      expires_in: Number(form.get('ttl') ?? 3600),
      scope: form.get('scope'),
    },
  };
};

describe('genesys-events token', () => {
  let issuer: ScriptedServer;
  beforeAll(async () => {
    let url = '';
    issuer = await scriptedServer(issuerAnswer(() => url));
    url = issuer.url;
  });
  afterAll(() => issuer.close());

  it('prints the token alone on the last line of standard output, what it is on standard error', async () => {
    const { code, stdout, stderr } = await runCli([
      'token',
      '--scope',
      'conversations:read analytics:read',
      '--issuer',
      issuer.url,
    ]);

    expect(code).toBe(0);
    expect(stdout).toBe('token-for-conversations:read analytics:read\n');
    expect(stderr).toContain('for "conversations:read analytics:read", valid 3600 s');
    const tokenRequest = issuer.requests.at(-1);
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(tokenRequest?.body).get('grant_type')).toBe('client_credentials');
  });

  it('asks for the lifetime given with --ttl and prints JSON with --json', async () => {
    const { code, stdout } = await runCli([
      'token',
      '--scope',
      'analytics:read',
      '--ttl',
      '60',
      '--json',
      '--issuer',
      issuer.url,
    ]);

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      access_token: 'token-for-analytics:read',
      expires_in: 60,
      scope: 'analytics:read',
      issuer: issuer.url,
    });
  });

  it('takes the issuer from OIDC_ISSUER_URL when --issuer is not given', async () => {
    const { code, stdout } = await runCli(['token', '--scope', 'analytics:read'], {
      env: { OIDC_ISSUER_URL: issuer.url },
    });

    expect(code).toBe(0);
    expect(stdout).toBe('token-for-analytics:read\n');
  });

  it('fails in one line with the issuer error when the request is refused', async () => {
    const { code, stderr } = await runCli(['token', '--scope', 'refused:scope', '--issuer', issuer.url]);

    expect(code).toBe(1);
    expect(stderr).toBe(
      'genesys-events: the issuer refused the token request (HTTP 400, invalid_scope: no such scope)\n',
    );
  });

  it('says how to start the issuer when nothing answers', async () => {
    const { code, stderr } = await runCli(['token', '--scope', 'analytics:read', '--issuer', 'http://127.0.0.1:9']);

    expect(code).toBe(1);
    expect(stderr).toContain('no token from http://127.0.0.1:9');
    expect(stderr).toContain('start npm run dev, or pass --issuer');
  });

  it('exits 2 without --scope', async () => {
    expect((await runCli(['token'])).code).toBe(2);
  });
});
