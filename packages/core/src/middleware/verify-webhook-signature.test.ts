import { describe, expect, it } from '@jest/globals';
import type { MiddlewareObj } from '@middy/core';
import { signSeedForm, signSeedHeader } from '../verify/sign';
import { httpApiEvent, restApiEvent, webhookPipeline } from './fixtures/pipeline';
import type { WebhookHttpEvent } from './http-event';

const SECRET = 'verify-mw-secret-d07e';
const OLD_SECRET = 'verify-mw-old-secret-5a2f';
const EVENT = '{"eventType":"conversation:updated","conversation":{"id":"c-3f9a","type":"chat"},"note":"Grüße 👋"}';

/** A tiny body parser, as `@middy/http-json-body-parser` would be: it replaces the text body with JSON. */
const jsonBodyParser: MiddlewareObj<WebhookHttpEvent> = {
  before: ({ event }) => {
    if (typeof event.body === 'string') event.body = JSON.parse(event.body);
  },
};

const jsonRoute = (
  options: {
    beforeVerification?: MiddlewareObj<WebhookHttpEvent>[];
    afterVerification?: MiddlewareObj<WebhookHttpEvent>[];
  } = {},
) =>
  webhookPipeline({
    scheme: 'seed-header',
    secrets: () => [SECRET, OLD_SECRET],
    mediaTypes: ['application/json'],
    ...options,
  });

describe('verifyWebhookSignature', () => {
  it('hands the handler the verification result with the verified payload', async () => {
    const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
    const route = jsonRoute();

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(202);
    expect(route.observed.handlerEvent?.verification).toEqual({
      scheme: 'seed-header',
      payload: EVENT,
      matchedSecretIndex: 0,
    });
  });

  it('reports which secret matched during a rotation', async () => {
    const { body, headers } = signSeedHeader({ body: EVENT, secret: OLD_SECRET });
    const route = jsonRoute();

    await route.invoke(restApiEvent({ headers, body }));

    expect(route.observed.handlerEvent?.verification).toMatchObject({ matchedSecretIndex: 1 });
  });

  it('gives the handler the webhook field of a seed form as the payload', async () => {
    const { body, headers } = signSeedForm({ webhook: EVENT, secret: SECRET });
    const route = webhookPipeline({
      scheme: 'seed-form',
      secrets: () => [SECRET],
      mediaTypes: ['application/x-www-form-urlencoded'],
    });

    const response = await route.invoke(restApiEvent({ headers, body }));

    expect(response.statusCode).toBe(202);
    expect(route.observed.handlerEvent?.verification).toMatchObject({ scheme: 'seed-form', payload: EVENT });
    expect(route.observed.handlerEvent?.body).toBe(body);
  });

  it('decodes a base64 body for the handler and clears isBase64Encoded', async () => {
    const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
    const route = jsonRoute();

    const response = await route.invoke(
      httpApiEvent({ headers, body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true }),
    );

    expect(response.statusCode).toBe(202);
    expect(route.observed.handlerEvent?.body).toBe(EVENT);
    expect(route.observed.handlerEvent?.isBase64Encoded).toBe(false);
  });

  it('decodes a base64 seed form for the handler, as HTTP APIs send forms', async () => {
    const { body, headers } = signSeedForm({ webhook: EVENT, secret: SECRET, signatureIn: 'header' });
    const route = webhookPipeline({
      scheme: 'seed-form',
      secrets: () => [SECRET],
      mediaTypes: ['application/x-www-form-urlencoded'],
    });

    const response = await route.invoke(
      httpApiEvent({ headers, body: Buffer.from(body).toString('base64'), isBase64Encoded: true }),
    );

    expect(response.statusCode).toBe(202);
    expect(route.observed.handlerEvent?.body).toBe(body);
    expect(route.observed.handlerEvent?.isBase64Encoded).toBe(false);
  });

  it('leaves a plain text body as it was', async () => {
    const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
    const route = jsonRoute();

    await route.invoke(restApiEvent({ headers, body }));

    expect(route.observed.handlerEvent?.body).toBe(EVENT);
    expect(route.observed.handlerEvent?.isBase64Encoded).toBe(false);
  });

  it('reads the secrets per request from an asynchronous source', async () => {
    let current = ['first-secret'];
    const route = webhookPipeline({
      scheme: 'seed-header',
      secrets: async () => current,
      mediaTypes: ['application/json'],
    });
    const first = signSeedHeader({ body: EVENT, secret: 'first-secret' });
    const second = signSeedHeader({ body: EVENT, secret: 'second-secret' });

    const before = await route.invoke(httpApiEvent(first));
    current = ['second-secret'];
    const afterRotation = await route.invoke(httpApiEvent(second));
    const stale = await route.invoke(httpApiEvent(first));

    expect([before.statusCode, afterRotation.statusCode, stale.statusCode]).toEqual([202, 202, 401]);
  });

  it('chooses the scheme per request when given a function', async () => {
    const route = webhookPipeline({
      scheme: (event) =>
        event.headers?.['content-type'] === 'application/x-www-form-urlencoded' ? 'seed-form' : 'seed-header',
      secrets: () => [SECRET],
      mediaTypes: ['application/json', 'application/x-www-form-urlencoded'],
    });

    const form = await route.invoke(httpApiEvent(signSeedForm({ webhook: EVENT, secret: SECRET })));
    const formScheme = route.observed.handlerEvent?.verification;
    const header = await route.invoke(httpApiEvent(signSeedHeader({ body: EVENT, secret: SECRET })));
    const headerScheme = route.observed.handlerEvent?.verification;

    expect([form.statusCode, header.statusCode]).toEqual([202, 202]);
    expect(formScheme).toMatchObject({ scheme: 'seed-form' });
    expect(headerScheme).toMatchObject({ scheme: 'seed-header' });
  });

  it('does not call the handler when the signature does not verify', async () => {
    const { body, headers } = signSeedHeader({ body: EVENT, secret: 'not-a-configured-secret' });
    const route = jsonRoute();

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(401);
    expect(route.observed.handlerEvent).toBeUndefined();
  });

  describe('middleware order', () => {
    it('fails verification when a body parser runs before it, because the exact body is gone', async () => {
      const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
      const route = jsonRoute({ beforeVerification: [jsonBodyParser] });

      const response = await route.invoke(httpApiEvent({ headers, body }));

      expect(response.statusCode).toBe(400);
      expect(route.logger.warnings[0]?.extra[0]?.reason).toBe('empty_body');
      expect(route.observed.handlerEvent).toBeUndefined();
    });

    it('verifies and then parses when the body parser runs after it', async () => {
      const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
      const route = jsonRoute({ afterVerification: [jsonBodyParser] });

      const response = await route.invoke(httpApiEvent({ headers, body }));

      expect(response.statusCode).toBe(202);
      expect(route.observed.handlerEvent?.body).toEqual(JSON.parse(EVENT));
      expect(route.observed.handlerEvent?.verification).toMatchObject({ payload: EVENT });
    });

    it('lets a parser after it read a base64 body as decoded text', async () => {
      const { body, headers } = signSeedHeader({ body: EVENT, secret: SECRET });
      const route = jsonRoute({ afterVerification: [jsonBodyParser] });

      const response = await route.invoke(
        httpApiEvent({ headers, body: Buffer.from(body).toString('base64'), isBase64Encoded: true }),
      );

      expect(response.statusCode).toBe(202);
      expect(route.observed.handlerEvent?.body).toEqual(JSON.parse(EVENT));
    });
  });
});
