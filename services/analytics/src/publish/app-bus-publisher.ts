import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { AppBusEvent } from '@genesys-events/core';

/** Publishes one event onto the app bus; resolves once the bus has accepted it. */
export type PublishEvent = (event: AppBusEvent) => Promise<void>;

/** PutEvents failed or did not accept the entry: the consumer throws so EventBridge retries the event. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/**
 * A publisher onto the app bus. It resolves only when PutEvents accepted the entry; a failed request or
 * a failed entry rejects with {@link PublishError}, the request's error as its `cause`.
 *
 * @example
 * ```ts
 * const publish = appBusPublisher({ client: new EventBridgeClient({}), eventBusName: 'genesys-events-dev' });
 * await publish(derivedEvent);
 * ```
 */
export const appBusPublisher =
  ({ client, eventBusName }: { client: EventBridgeClient; eventBusName: string }): PublishEvent =>
  async (event) => {
    const entry = {
      EventBusName: eventBusName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
    };
    const result = await send(client, entry);
    const accepted = result.Entries?.[0];
    if ((result.FailedEntryCount ?? 0) > 0 || accepted?.ErrorCode || !accepted?.EventId) {
      throw new PublishError(`PutEvents did not accept the entry: ${accepted?.ErrorCode ?? 'no event id'}`);
    }
  };

const send = async (client: EventBridgeClient, entry: PutEventsRequestEntry): Promise<PutEventsCommandOutput> => {
  try {
    return await client.send(new PutEventsCommand({ Entries: [entry] }));
  } catch (cause) {
    throw new PublishError('PutEvents request failed', { cause });
  }
};
