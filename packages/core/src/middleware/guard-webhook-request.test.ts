import { describe, expect, it } from '@jest/globals';
import { signSeedHeader } from '../verify/sign';
import { httpApiEvent, restApiEvent, webhookPipeline } from './fixtures/pipeline';
import { EVENTBRIDGE_ENTRY_LIMIT_BYTES } from './guard-webhook-request';

const SECRET = 'route-secret-41c9e2';

const jsonRoute = () =>
  webhookPipeline({ scheme: 'seed-header', secrets: () => [SECRET], mediaTypes: ['application/json'] });

/** A signed JSON body of exactly `byteLength` bytes. */
const signedJsonOfLength = (byteLength: number) => {
  const prefix = '{"eventType":"conversation:created","padding":"';
  const suffix = '"}';
  const body = `${prefix}${'x'.repeat(byteLength - prefix.length - suffix.length)}${suffix}`;
  return signSeedHeader({ body, secret: SECRET });
};

describe('guardWebhookRequest', () => {
  it.each([
    ['an HTTP API', httpApiEvent],
    ['a REST API', restApiEvent],
  ])('lets a signed JSON POST from %s through to the handler', async (_, eventOf) => {
    const { body, headers } = signSeedHeader({ body: '{"eventType":"conversation:created"}', secret: SECRET });
    const route = jsonRoute();

    const response = await route.invoke(eventOf({ headers, body }));

    expect(response.statusCode).toBe(202);
  });

  it.each([
    ['an HTTP API', httpApiEvent],
    ['a REST API', restApiEvent],
  ])('answers a GET from %s with 405', async (_, eventOf) => {
    const route = jsonRoute();

    const response = await route.invoke(eventOf({ method: 'GET', headers: { 'Content-Type': 'application/json' } }));

    expect(response.statusCode).toBe(405);
    expect(JSON.parse(response.body ?? '')).toEqual({ error: 'method_not_allowed', message: 'use POST' });
    expect(route.observed.handlerEvent).toBeUndefined();
  });

  it.each([
    ['an HTTP API', httpApiEvent],
    ['a REST API', restApiEvent],
  ])('names the allowed methods in an Allow header when a GET from %s is refused', async (_, eventOf) => {
    const route = jsonRoute();

    const response = await route.invoke(eventOf({ method: 'GET', headers: { 'Content-Type': 'application/json' } }));

    expect(response.headers.Allow).toBe('POST');
  });

  it('checks the method before the size and the content type', async () => {
    const route = jsonRoute();

    const response = await route.invoke(
      httpApiEvent({ method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(300 * 1024) }),
    );

    expect(response.statusCode).toBe(405);
  });

  it('accepts a method written in lower case', async () => {
    const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: SECRET });

    const response = await jsonRoute().invoke(httpApiEvent({ method: 'post', headers, body }));

    expect(response.statusCode).toBe(202);
  });

  it('accepts a body of exactly 256 KiB', async () => {
    const { body, headers } = signedJsonOfLength(EVENTBRIDGE_ENTRY_LIMIT_BYTES);

    const response = await jsonRoute().invoke(httpApiEvent({ headers, body }));

    expect(Buffer.byteLength(body)).toBe(256 * 1024);
    expect(response.statusCode).toBe(202);
  });

  it('answers a body one byte over 256 KiB with 413 before checking its signature', async () => {
    const { body, headers } = signedJsonOfLength(EVENTBRIDGE_ENTRY_LIMIT_BYTES + 1);
    const route = jsonRoute();

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body ?? '').error).toBe('payload_too_large');
    expect(route.observed.handlerEvent).toBeUndefined();
  });

  it('counts bytes, not characters, of a multi-byte body', async () => {
    const body = `{"n":"${'é'.repeat(EVENTBRIDGE_ENTRY_LIMIT_BYTES / 2)}"}`;
    const signed = signSeedHeader({ body, secret: SECRET });

    const response = await jsonRoute().invoke(httpApiEvent({ headers: signed.headers, body }));

    expect(body.length).toBeLessThan(EVENTBRIDGE_ENTRY_LIMIT_BYTES);
    expect(response.statusCode).toBe(413);
  });

  it('measures a base64 body after decoding it', async () => {
    const { body, headers } = signedJsonOfLength(EVENTBRIDGE_ENTRY_LIMIT_BYTES + 1);
    const base64 = Buffer.from(body).toString('base64');

    const response = await jsonRoute().invoke(httpApiEvent({ headers, body: base64, isBase64Encoded: true }));

    expect(response.statusCode).toBe(413);
  });

  it('accepts a base64 body whose base64 text is over 256 KiB but whose bytes are not', async () => {
    const { body, headers } = signedJsonOfLength(200 * 1024);
    const base64 = Buffer.from(body).toString('base64');

    const response = await jsonRoute().invoke(httpApiEvent({ headers, body: base64, isBase64Encoded: true }));

    expect(base64.length).toBeGreaterThan(EVENTBRIDGE_ENTRY_LIMIT_BYTES);
    expect(response.statusCode).toBe(202);
  });

  it('accepts a base64 body of exactly 256 KiB', async () => {
    const { body, headers } = signedJsonOfLength(EVENTBRIDGE_ENTRY_LIMIT_BYTES);
    const base64 = Buffer.from(body).toString('base64');

    const response = await jsonRoute().invoke(httpApiEvent({ headers, body: base64, isBase64Encoded: true }));

    expect(response.statusCode).toBe(202);
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
    ['an empty content type', { 'Content-Type': '' }],
    ['only parameters', { 'Content-Type': '; charset=utf-8' }],
  ])('answers %s with 415', async (_, typeHeader) => {
    const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: SECRET });
    const { 'content-type': _type, ...signatureHeaders } = headers;
    const route = jsonRoute();

    const response = await route.invoke(restApiEvent({ headers: { ...signatureHeaders, ...typeHeader }, body }));

    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: 'unsupported_media_type',
      message: 'send application/json',
    });
    expect(route.observed.handlerEvent).toBeUndefined();
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8'])(
    'accepts the content type %s',
    async (contentType) => {
      const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: SECRET });

      const response = await jsonRoute().invoke(
        restApiEvent({ headers: { ...headers, 'content-type': contentType }, body }),
      );

      expect(response.statusCode).toBe(202);
    },
  );

  it('finds the content type whatever the casing of its header name', async () => {
    const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: SECRET });
    const { 'content-type': type = '', ...rest } = headers;

    const response = await jsonRoute().invoke(restApiEvent({ headers: { ...rest, 'CONTENT-TYPE': type }, body }));

    expect(response.statusCode).toBe(202);
  });

  it('accepts any of several configured media types', async () => {
    const route = webhookPipeline({
      scheme: (event) =>
        event.headers?.['content-type']?.startsWith('application/json') ? 'seed-header' : 'seed-form',
      secrets: () => [SECRET],
      mediaTypes: ['application/json', 'application/x-www-form-urlencoded'],
    });
    const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: SECRET });

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(202);
  });
});
