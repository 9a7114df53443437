import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AWS_CLIENT_SETTINGS } from './client-settings';

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
