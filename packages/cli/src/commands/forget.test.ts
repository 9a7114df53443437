import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../test-support/memory-io';
import { type ReceivedRequest, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';

/** The system's erasure route and an issuer in one stand-in: 202 for a bearer of the erase scope. */
const systemAnswer = (base: () => string) => (request: ReceivedRequest) => {
  if (request.path === '/.well-known/openid-configuration') {
    return { status: 200, body: { issuer: base(), token_endpoint: `${base()}/token` } };
  }
  if (request.path === '/token') {
    const scope = new URLSearchParams(request.body).get('scope');
    return { status: 200, body: { access_token: `token-for-${scope}`, expires_in: 3600, scope } };
  }
  if (request.method !== 'DELETE') return { status: 405, body: { error: 'method_not_allowed' } };
  if (request.headers.authorization !== 'Bearer token-for-conversations:erase') {
    return { status: 403, body: { error: 'forbidden', message: 'the access token lacks the scope of this route' } };
  }
  const conversationId = decodeURIComponent(request.path.split('/').at(-1) ?? '');
  return { status: 202, body: { status: 'erasure_requested', conversationId, requestId: 'r-1' } };
};

describe('genesys-events forget', () => {
  let system: ScriptedServer;
  beforeAll(async () => {
    let url = '';
    system = await scriptedServer(systemAnswer(() => url));
    url = system.url;
  });
  afterAll(() => system.close());

  it('gets a conversations:erase token from the issuer and sends DELETE /conversations/{id}', async () => {
    const { code, stdout } = await runCli(['forget', 'c 1', '--url', system.url, '--issuer', system.url, '--json']);

    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')).toEqual({
      status: 'erasure_requested',
      conversationId: 'c 1',
      requestId: 'r-1',
    });
    const erasure = system.requests.at(-1);
    expect([erasure?.method, erasure?.path]).toEqual(['DELETE', '/conversations/c%201']);
  });

  it('sends the given token instead, and fails with the answer when the erasure is refused', async () => {
    const { code, stderr } = await runCli(['forget', 'c-2', '--url', system.url, '--token', 'reader-token']);

    expect(code).toBe(1);
    expect(stderr).toContain('the erasure was not accepted: 403 forbidden');
    expect(system.requests.at(-1)?.headers.authorization).toBe('Bearer reader-token');
  });
});
