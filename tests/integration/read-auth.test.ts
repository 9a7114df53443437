import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { INVALID_TOKENS } from './fixtures/hostile-tokens';
import { request } from './http-client';
import { recordSentToken } from './leak-watch';
import { baseUrl } from './local-system';
import { accessToken, bearer, READ_SCOPES } from './tokens';

/**
 * The read routes through the real local stack: only a valid bearer token of the local issuer with the
 * route's scope opens them. Anything else is 401 (403 without the scope), with the project's JSON error
 * body and an RFC 6750 challenge, and an answer that never repeats the token.
 */

const WINDOW = new URLSearchParams({ from: '2091-06-15T10:00:00Z', to: '2091-06-15T11:00:00Z' });
const ROUTES = [
  {
    route: 'GET /conversations/{conversationId}',
    path: () => `/conversations/${randomUUID()}`,
    scope: 'conversations:read',
    ok: 404,
  },
  {
    route: 'GET /analytics/conversations/{conversationId}',
    path: () => `/analytics/conversations/${randomUUID()}`,
    scope: 'analytics:read',
    ok: 404,
  },
  { route: 'GET /analytics/summary', path: () => `/analytics/summary?${WINDOW}`, scope: 'analytics:read', ok: 200 },
] as const;
const OTHER_SCOPE = { 'conversations:read': 'analytics:read', 'analytics:read': 'conversations:read' } as const;

const UNAUTHORIZED = { error: 'unauthorized', message: 'a valid bearer access token is required' };

/** Sends a GET with these headers; the token (if any) is watched for in the system's logs. */
const get = async (path: string, headers: Record<string, string>) => {
  if (headers.authorization) recordSentToken(headers.authorization.replace(/^Bearer /, ''));
  const response = await fetch(`${baseUrl}${path}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as unknown,
    challenge: response.headers.get('www-authenticate'),
  };
};

describe.each(ROUTES)('$route through the real local stack', ({ path, scope, ok }) => {
  beforeAll(async () => {
    // Loads the function once (a cold start can outlast the Lambda timeout on a busy machine).
    await request(path());
  }, 60_000);

  it('answers 401 without a token, with a plain Bearer challenge', async () => {
    const answer = await get(path(), {});

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(UNAUTHORIZED);
    expect(answer.challenge).toBe('Bearer realm="genesys-events"');
  });

  it.each(INVALID_TOKENS)('answers 401 invalid_token to %s', async (_, make) => {
    const token = await make();

    const answer = await get(path(), bearer(token));

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(UNAUTHORIZED);
    expect(answer.challenge).toBe('Bearer realm="genesys-events", error="invalid_token"');
    expect(answer.text).not.toContain(token);
  });

  it('answers 401 to a token sent under another scheme', async () => {
    const token = await accessToken(READ_SCOPES);

    const answer = await get(path(), { authorization: `Token ${token}` });

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(UNAUTHORIZED);
  });

  it('answers 403 insufficient_scope to a valid token without the scope', async () => {
    const answer = await get(path(), bearer(await accessToken(OTHER_SCOPE[scope])));

    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: 'forbidden', message: 'the access token does not grant this operation' });
    expect(answer.challenge).toBe(`Bearer realm="genesys-events", error="insufficient_scope", scope="${scope}"`);
  });

  it('serves a valid token with the scope as before', async () => {
    const answer = await get(path(), bearer(await accessToken(scope)));

    expect(answer.status).toBe(ok);
  });
});
