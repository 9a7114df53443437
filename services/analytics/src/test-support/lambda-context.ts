import type { Context } from 'aws-lambda';

/** A Lambda context for invoking a Middy handler in a test: 5 s left, so no early timeout fires. */
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
