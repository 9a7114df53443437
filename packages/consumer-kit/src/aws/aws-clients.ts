import { type ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
 * The DynamoDB document client table adapters are given.
 *
 * @example
 * ```ts
 * const table = conversationTable({ client: documentClient(), tableName, retentionDays: 90 });
 * ```
 */
export const documentClient = (): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient(AWS_CLIENT_SETTINGS));

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
