import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { AppBusEvent } from '@genesys-events/core';
import { EventTooLargeError, PublishError } from './publish-error';

/** Publishes one event and resolves with its EventBridge event id once the bus has accepted it. */
export type PublishEvent = (event: AppBusEvent) => Promise<string>;

const ENTRY_LIMIT_BYTES = 256 * 1024;

/**
 * A publisher onto the app bus. It resolves only when PutEvents reports the entry as accepted; a failed
 * request, a failed entry or a missing event id rejects with {@link PublishError}.
 *
 * @example
 * ```ts
 * const publish = appBusPublisher({ client: new EventBridgeClient({}), eventBusName: 'genesys-events-dev' });
 * const eventId = await publish(appBusEvent);
 * ```
 */
export const appBusPublisher =
  ({ client, eventBusName }: { client: EventBridgeClient; eventBusName: string }): PublishEvent =>
  async (event) => {
    const entry = toEntry(event, eventBusName);
    const result = await send(client, entry);
    const [accepted] = result.Entries ?? [];
    if ((result.FailedEntryCount ?? 0) > 0 || accepted?.ErrorCode || !accepted?.EventId) {
      throw new PublishError('entry_failed', 'PutEvents did not accept the entry', {
        errorCode: accepted?.ErrorCode ?? 'none',
        failedEntryCount: String(result.FailedEntryCount ?? 0),
      });
    }
    return accepted.EventId;
  };

const toEntry = (event: AppBusEvent, eventBusName: string): PutEventsRequestEntry => {
  const entry = {
    EventBusName: eventBusName,
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
  };
  // EventBridge counts the source, detail-type and detail bytes against the entry limit.
  const entryBytes =
    Buffer.byteLength(entry.Detail) + Buffer.byteLength(entry.DetailType) + Buffer.byteLength(entry.Source);
  if (entryBytes > ENTRY_LIMIT_BYTES) throw new EventTooLargeError(entryBytes);
  return entry;
};

const send = async (client: EventBridgeClient, entry: PutEventsRequestEntry) => {
  try {
    return await client.send(new PutEventsCommand({ Entries: [entry] }));
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : 'unknown';
    throw new PublishError('request_failed', 'PutEvents request failed', { errorName: name }, { cause });
  }
};
