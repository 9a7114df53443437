import { describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import { createError } from '@middy/util';
import { jsonHttpErrorHandler } from './json-http-error-handler';

const context = { getRemainingTimeInMillis: () => 1000 } as never;

const routeFailingWith = (error: unknown) => {
  const logged: string[] = [];
  const logger = { error: (message: string) => logged.push(message) };
  const handler = middy(async () => {
    throw error;
  }).use(jsonHttpErrorHandler({ logger }));
  return { invoke: () => handler({}, context) as Promise<{ statusCode: number; body: string }>, logged };
};

describe('jsonHttpErrorHandler', () => {
  it('answers an unexpected error with a generic JSON 500 and logs it', async () => {
    const route = routeFailingWith(new TypeError('secret detail'));

    const response = await route.invoke();

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ error: 'internal', message: 'unexpected error' });
    expect(response.body).not.toContain('secret detail');
    expect(route.logged).toEqual(['request failed unexpectedly']);
  });

  it('answers an HTTP error as it is without logging it again', async () => {
    const route = routeFailingWith(createError(404, JSON.stringify({ error: 'not_found' })));

    const response = await route.invoke();

    expect(response.statusCode).toBe(404);
    expect(route.logged).toEqual([]);
  });
});
