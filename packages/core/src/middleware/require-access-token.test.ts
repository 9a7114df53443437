import { beforeAll, describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
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
} from '../auth/fixtures/tokens';
import {
  type HttpResponse,
  httpApiEvent,
  httpErrorResponder,
  lambdaContext,
  recordingLogger,
} from './fixtures/pipeline';
import type { WebhookHttpEvent } from './http-event';
import { requireAccessToken } from './require-access-token';

let key: TestKey;

beforeAll(async () => {
  key = await testKey('ES256');
});

/** `middy(handler).use(httpErrorResponder).use(requireAccessToken)`, as a read route wires it. */
const readRoute = (scope = 'conversations:read', scopePrefix?: string) => {
  const logger = recordingLogger();
  const seen: { internal?: Record<string, unknown> } = {};
  const handler = middy(async (): Promise<HttpResponse> => ({ statusCode: 200, headers: {}, body: '{"ok":true}' }))
    .use(httpErrorResponder())
    .use(
      requireAccessToken<WebhookHttpEvent>({
        issuer: ISSUER,
        audience: AUDIENCE,
        scope,
        scopePrefix,
        logger,
        getKey: keysById(key),
        now: () => NOW,
      }),
    )
    .use({
      before: (request) => {
        seen.internal = request.internal as Record<string, unknown>;
      },
    });
  const invoke = (authorization?: string): Promise<HttpResponse> =>
    handler(
      httpApiEvent({ method: 'GET', headers: authorization === undefined ? {} : { Authorization: authorization } }),
      lambdaContext,
    );
  return { invoke, logger, seen };
};

const bearer = (token: string) => `Bearer ${token}`;

describe('requireAccessToken', () => {
  it('lets a request with a good token through and records its caller', async () => {
    const route = readRoute();

    const response = await route.invoke(bearer(await signToken(key)));

    expect(response.statusCode).toBe(200);
    expect(route.seen.internal?.accessToken).toEqual({ subject: 'client-42', scopes: ['conversations:read'] });
    expect(route.logger.warnings).toEqual([]);
  });

  it('answers 401 with a plain Bearer challenge and the JSON error body when there is no token', async () => {
    const route = readRoute();

    const response = await route.invoke();

    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: 'unauthorized',
      message: 'a valid bearer access token is required',
    });
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="genesys-events"');
    expect(route.logger.warnings[0]?.extra[0]).toEqual({ reason: 'missing_token' });
  });

  it.each([
    ['garbage', async () => 'Bearer garbage', 'malformed_token'],
    ['another scheme', async () => 'Basic dXNlcjpwYXNzd29yZA==', 'malformed_token'],
    ['an expired token', async () => bearer(await signToken(key, goodClaims({ exp: NOW_SECONDS - 60 }))), 'expired'],
    ['alg none', async () => bearer(unsignedToken()), 'algorithm_not_allowed'],
    ['HS256', async () => bearer(await hmacToken(key)), 'algorithm_not_allowed'],
    ['an edited payload', async () => bearer(await editedToken(key, { sub: 'admin' })), 'bad_signature'],
    ['a wrong audience', async () => bearer(await signToken(key, goodClaims({ aud: 'x' }))), 'wrong_audience'],
  ])('answers %s with 401 invalid_token and logs the reason, never the token', async (_, header, reason) => {
    const route = readRoute();
    const authorization = await header();

    const response = await route.invoke(authorization);

    expect(response.statusCode).toBe(401);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="genesys-events", error="invalid_token"');
    expect(JSON.parse(response.body ?? '').error).toBe('unauthorized');
    expect(response.body).not.toContain(reason);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe(reason);
    const token = authorization.replace(/^\S+ /, '');
    expect(JSON.stringify(route.logger.warnings)).not.toContain(token);
  });

  it('answers 403 insufficient_scope naming the scope when the token lacks it', async () => {
    const route = readRoute('analytics:read');

    const response = await route.invoke(bearer(await signToken(key)));

    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: 'forbidden',
      message: 'the access token does not grant this operation',
    });
    expect(response.headers['WWW-Authenticate']).toBe(
      'Bearer realm="genesys-events", error="insufficient_scope", scope="analytics:read"',
    );
    expect(route.logger.warnings[0]?.extra[0]).toEqual({
      reason: 'insufficient_scope',
      requiredScope: 'analytics:read',
      grantedScopes: 1,
    });
  });

  it('requires the scope with its prefix when one is configured', async () => {
    const route = readRoute('conversations:read', 'https://api.test/');
    const prefixed = await signToken(key, goodClaims({ scope: 'https://api.test/conversations:read' }));

    expect((await route.invoke(bearer(prefixed))).statusCode).toBe(200);
    expect((await route.invoke(bearer(await signToken(key)))).statusCode).toBe(403);
  });

  it('answers 503 with Retry-After when the issuer keys cannot be fetched', async () => {
    const logger = recordingLogger();
    const handler = middy(async (): Promise<HttpResponse> => ({ statusCode: 200, headers: {} }))
      .use(httpErrorResponder())
      .use(
        requireAccessToken<WebhookHttpEvent>({
          issuer: ISSUER,
          audience: AUDIENCE,
          scope: 'conversations:read',
          logger,
          getKey: async () => {
            throw new TypeError('fetch failed');
          },
          now: () => NOW,
        }),
      );

    const response = await handler(
      httpApiEvent({ method: 'GET', headers: { authorization: bearer(await signToken(key)) } }),
      lambdaContext,
    );

    expect(response.statusCode).toBe(503);
    expect(response.headers['Retry-After']).toBe('5');
    expect(logger.warnings[0]?.extra[0]).toEqual({ reason: 'issuer_unavailable', failure: 'TypeError' });
  });

  it('refuses to be built without an issuer or an audience', () => {
    const logger = recordingLogger();

    expect(() => requireAccessToken({ issuer: '', audience: AUDIENCE, scope: 's', logger })).toThrow('issuer');
    expect(() => requireAccessToken({ issuer: ISSUER, audience: [], scope: 's', logger })).toThrow('audience');
  });
});
