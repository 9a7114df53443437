import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * AWS SDK settings for every client of the service: a call that hangs fails within seconds and is retried
 * a bounded number of times, so an invocation ends (and is retried by EventBridge) well inside its 8 s.
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
 * The DynamoDB document client the table adapter is given.
 *
 * @example
 * ```ts
 * const table = analyticsTable({ client: documentClient(), tableName });
 * ```
 */
export const documentClient = (): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient(AWS_CLIENT_SETTINGS));
