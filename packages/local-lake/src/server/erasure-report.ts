import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { LakeErasure } from '../ingest/lake-ingest';

/**
 * Publishes `conversation.erasure.completed` for the lake on the local bus (`AWS_ENDPOINT_URL_EVENTBRIDGE`),
 * as every store reports its erasure: ids and a count only.
 *
 * @example
 * ```ts
 * const report = erasureReporter({ busName: 'genesys-events-dev', region: 'eu-west-1' });
 * await report({ conversationId, requestId, deletedRows: 31 });
 * ```
 */
export const erasureReporter = ({ busName, region }: { busName: string; region: string }) => {
  const client = new EventBridgeClient({ region });
  return async ({ conversationId, requestId, deletedRows }: LakeErasure): Promise<void> => {
    const eventBody = { conversationId, requestId, service: 'lake', deleted: { items: deletedRows } };
    const detail = {
      topicName: 'conversation.erasure.completed',
      version: 'erasure-1',
      eventBody,
      metadata: {},
      timestamp: new Date().toISOString(),
    };
    await client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: busName,
            Source: 'genesys-events.erasure',
            DetailType: 'conversation.erasure.completed',
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
  };
};
