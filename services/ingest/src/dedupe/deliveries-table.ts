import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AWS_CLIENT_SETTINGS } from '@genesys-events/consumer-kit/config';
import type { DeliveriesConfig } from '../config';
import { DELIVERY_LOCK_MS } from './delivery-dedupe';
import { type DeliveryRecords, deliveryRecords } from './delivery-records';

/**
 * The deliveries table of a route that deduplicates, with its own DynamoDB client. Only the handlers of
 * such routes import this module, so a route that never deduplicates loads no DynamoDB client and needs
 * no table.
 *
 * @example
 * ```ts
 * seedRoute({ secrets, deliveries: deliveriesTable(readDeliveriesConfig(process.env)) });
 * ```
 */
export const deliveriesTable = ({ tableName, ttlSeconds }: DeliveriesConfig): DeliveryRecords =>
  deliveryRecords({
    client: new DynamoDBClient(AWS_CLIENT_SETTINGS),
    tableName,
    ttlSeconds,
    lockMs: DELIVERY_LOCK_MS,
  });
