import type { Context } from 'aws-lambda';

/**
 * A Lambda context for invoking a Middy handler in a test, as Middy and Powertools read it: 5 s left, so
 * no early timeout fires. `@genesys-events/core/testing`; no function imports it.
 *
 * @example
 * ```ts
 * await handler(event, lambdaContext());
 * ```
 */
export const lambdaContext = (): Context =>
  ({
    getRemainingTimeInMillis: () => 5000,
    functionName: 'test',
    awsRequestId: 'r-1',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:test',
    functionVersion: '1',
    memoryLimitInMB: '256',
    logGroupName: 'g',
    logStreamName: 's',
    callbackWaitsForEmptyEventLoop: false,
  }) as unknown as Context;
