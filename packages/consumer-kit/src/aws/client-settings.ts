import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

// No value import of the SDK here: a function that only needs the settings must not load a client it
// never uses (an import of an external module stays in the bundle and is loaded at cold start).

/**
 * AWS SDK settings for every client of a service: a call that hangs fails within seconds and is retried a
 * bounded number of times, so an invocation ends (and EventBridge retries it) well inside the function's
 * 8 s. Without `throwOnRequestTimeout` the SDK only warns when the request timeout passes.
 *
 * @example
 * ```ts
 * new EventBridgeClient(AWS_CLIENT_SETTINGS);
 * ```
 */
export const AWS_CLIENT_SETTINGS = {
  maxAttempts: 3,
  requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000, throwOnRequestTimeout: true },
};

/**
 * Whether a DynamoDB call failed on its condition expression (an expected outcome, not a failure).
 *
 * @example
 * ```ts
 * if (isConditionFailure(error)) return 'duplicate';
 * ```
 */
export const isConditionFailure = (error: unknown): error is ConditionalCheckFailedException =>
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
