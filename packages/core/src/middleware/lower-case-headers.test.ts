import { describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import type { WebhookHttpEvent } from './http-event';
import { lowerCaseHeaders } from './lower-case-headers';
import { lambdaContext } from './testing/lambda-context';

/** Answers the headers the handler saw. */
const headersSeen = (event: WebhookHttpEvent) =>
  middy<WebhookHttpEvent, unknown>(async (seen: WebhookHttpEvent) => seen.headers).use(lowerCaseHeaders())(
    event,
    lambdaContext(),
  );

describe('lowerCaseHeaders', () => {
  it('lower-cases the names a REST API passes as the sender wrote them, and keeps the values', async () => {
    const headers = { 'Content-Type': 'Application/JSON', 'X-Genesys-Delivery-Id': 'Delivery-7', Host: 'example.com' };

    expect(await headersSeen({ httpMethod: 'POST', headers })).toEqual({
      'content-type': 'Application/JSON',
      'x-genesys-delivery-id': 'Delivery-7',
      host: 'example.com',
    });
  });

  it('leaves an event without headers as it is', async () => {
    expect(await headersSeen({ httpMethod: 'POST', headers: null })).toBeNull();
    expect(await headersSeen({ httpMethod: 'POST' })).toBeUndefined();
  });
});
