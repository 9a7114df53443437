import { describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import { GenesysEventsError, MalformedPayloadError, SignatureVerificationError } from '../errors';
import { recogniseEvent } from '../recognise/recognise';
import { hexSignature, signSeedHeader } from '../verify/sign';
import { httpApiEvent, lambdaContext, recordingLogger, restApiEvent, webhookPipeline } from './fixtures/pipeline';
import { mapDomainErrors } from './map-domain-errors';

const SECRET = 'map-errors-secret-93b1';
const WRONG_SECRET = 'map-errors-wrong-0c44';
const BODY = '{"eventType":"conversation:created","conversation":{"id":"c-7"}}';

const jsonRoute = (work?: Parameters<typeof webhookPipeline>[0]['work']) =>
  webhookPipeline({
    scheme: 'seed-header',
    secrets: () => [SECRET],
    mediaTypes: ['application/json'],
    ...(work ? { work } : {}),
  });

const formRoute = () =>
  webhookPipeline({ scheme: 'seed-form', secrets: () => [SECRET], mediaTypes: ['application/x-www-form-urlencoded'] });

/** Runs `mapDomainErrors` alone on a thrown error and returns the error it leaves on the request. */
const mappedErrorOf = async (thrown: unknown) => {
  const logger = recordingLogger();
  let mapped: unknown;
  const handler = middy(async () => {
    throw thrown;
  })
    .use({
      onError: (request) => {
        mapped = request.error;
        request.response = { statusCode: 599 };
      },
    })
    .use(mapDomainErrors({ logger }));

  await handler({}, lambdaContext);
  return { mapped: mapped as { statusCode?: number; message?: string; cause?: unknown }, logger };
};

describe('mapDomainErrors', () => {
  it('answers a bad signature with 401 and a generic JSON body without the reason', async () => {
    const { body, headers } = signSeedHeader({ body: BODY, secret: WRONG_SECRET });
    const route = jsonRoute();

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body ?? '')).toEqual({
      error: 'unauthorized',
      message: 'signature verification failed',
    });
    expect(response.body).not.toContain('signature_mismatch');
    expect(response.body).not.toContain('secretsTried');
    expect(response.body).not.toContain(hexSignature(WRONG_SECRET, BODY));
    expect(response.body).not.toContain(hexSignature(SECRET, BODY));
  });

  it('logs the precise reason and its safe details of a bad signature', async () => {
    const { body, headers } = signSeedHeader({ body: BODY, secret: WRONG_SECRET });
    const route = jsonRoute();

    await route.invoke(httpApiEvent({ headers, body }));

    expect(route.logger.warnings).toEqual([
      {
        message: 'webhook rejected: signature not verified',
        extra: [
          {
            reason: 'signature_mismatch',
            diagnosis: 'no_secret_matched',
            hint: 'no configured secret produces this signature',
            expectedFormat: 'hex',
            secretsTried: 1,
            signatureIn: 'X-Genesys-Signature header',
            bodyWasBase64Encoded: false,
            signedByteLength: Buffer.byteLength(BODY),
          },
        ],
      },
    ]);
    expect(JSON.stringify(route.logger.warnings)).not.toContain(SECRET);
  });

  it.each([
    ['a missing signature', {}, 'missing_signature'],
    ['a malformed signature', { 'x-genesys-signature': 'sha256=abc' }, 'malformed_signature'],
  ])('answers %s with 401 and logs why', async (_, signatureHeaders, reason) => {
    const route = jsonRoute();

    const response = await route.invoke(
      httpApiEvent({ headers: { 'content-type': 'application/json', ...signatureHeaders }, body: BODY }),
    );

    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain(reason);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe(reason);
  });

  it('answers 401 when no secret is configured', async () => {
    const route = webhookPipeline({ scheme: 'seed-header', secrets: () => [], mediaTypes: ['application/json'] });
    const { body, headers } = signSeedHeader({ body: BODY, secret: SECRET });

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(401);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe('no_secrets_configured');
  });

  it('answers a form without a webhook field with 400 and logs the reason', async () => {
    const route = formRoute();
    const body = new URLSearchParams({ payload: BODY, signature: hexSignature(SECRET, BODY) }).toString();

    const response = await route.invoke(
      restApiEvent({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }),
    );

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '').error).toBe('bad_request');
    expect(route.logger.warnings).toEqual([
      {
        message: 'webhook rejected: malformed payload',
        extra: [{ reason: 'missing_field', detail: 'form field "webhook" is missing' }],
      },
    ]);
  });

  it('answers a form with broken percent-encoding with 400', async () => {
    const route = formRoute();

    const response = await route.invoke(
      httpApiEvent({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `webhook=%E0%A4%A&signature=${hexSignature(SECRET, BODY)}`,
      }),
    );

    expect(response.statusCode).toBe(400);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe('invalid_percent_encoding');
  });

  it('answers an empty body with 400', async () => {
    const route = jsonRoute();

    const response = await route.invoke(
      httpApiEvent({
        headers: { 'content-type': 'application/json', 'x-genesys-signature': hexSignature(SECRET, '') },
        body: '',
      }),
    );

    expect(response.statusCode).toBe(400);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe('empty_body');
  });

  it('answers a signed body that is not valid JSON with 400 when the route parses it', async () => {
    const route = jsonRoute((event) => recogniseEvent(event.verification.payload));
    const { body, headers } = signSeedHeader({ body: '{"eventType":', secret: SECRET });

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(400);
    expect(route.logger.warnings[0]?.extra[0]?.reason).toBe('invalid_json');
  });

  it('maps a signature error to a 401 HTTP error that keeps the domain error as its cause', async () => {
    const error = new SignatureVerificationError('signature_mismatch', 'no match', { secretsTried: 2 });

    const { mapped } = await mappedErrorOf(error);

    expect(mapped.statusCode).toBe(401);
    expect(mapped.cause).toBe(error);
  });

  it('maps a malformed payload error to a 400 HTTP error with its message', async () => {
    const error = new MalformedPayloadError('invalid_event', 'invalid notification: check eventBody');

    const { mapped, logger } = await mappedErrorOf(error);

    expect(mapped.statusCode).toBe(400);
    expect(JSON.parse(mapped.message ?? '')).toEqual({
      error: 'bad_request',
      message: 'invalid notification: check eventBody',
    });
    expect(logger.warnings[0]?.extra[0]).toEqual({
      reason: 'invalid_event',
      detail: 'invalid notification: check eventBody',
    });
  });

  it('maps any other domain error to 400 with a generic message', async () => {
    const error = new GenesysEventsError('something_else', 'internal detail that must stay private');

    const { mapped, logger } = await mappedErrorOf(error);

    expect(mapped.statusCode).toBe(400);
    expect(mapped.message).not.toContain('internal detail');
    expect(logger.warnings[0]?.extra[0]?.reason).toBe('something_else');
  });

  it('leaves errors that are not domain errors alone and logs nothing', async () => {
    const error = new TypeError('cannot read properties of undefined');

    const { mapped, logger } = await mappedErrorOf(error);

    expect(mapped).toBe(error);
    expect(logger.warnings).toEqual([]);
  });

  it('lets a failure in the route itself become a 500', async () => {
    const route = jsonRoute(() => {
      throw new Error('downstream unavailable');
    });
    const { body, headers } = signSeedHeader({ body: BODY, secret: SECRET });

    const response = await route.invoke(httpApiEvent({ headers, body }));

    expect(response.statusCode).toBe(500);
    expect(route.logger.warnings).toEqual([]);
  });
});
