import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A DynamoDB call that hangs fails within seconds and is retried a bounded number of times, so an
 * invocation ends (and EventBridge retries it) well inside the function's 8 s. Without
 * `throwOnRequestTimeout` the SDK only warns when the request timeout passes.
 *
 * @example
 * ```ts
 * const table = conversationEventsTable({ client: documentClient(), tableName });
 * ```
 */
export const documentClient = (): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      maxAttempts: 3,
      requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000, throwOnRequestTimeout: true },
    }),
  );
