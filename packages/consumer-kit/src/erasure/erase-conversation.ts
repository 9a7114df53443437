import type { PublishEvent } from '@genesys-events/app-bus';
import type { AppBusEnvelope } from '@genesys-events/core';
import type { ConversationTable } from '../store/conversation-table';
import { type ErasureReport, erasureCompletedEvent, erasureRequestOf } from './erasure-events';

/**
 * An event the erasure function was given that is no well-formed erasure request. It throws, so the
 * event is retried and then parked in the dead-letter queue, never dropped. (Its own class rather than
 * core's `UnusableEventError`: core's main entry brings its zod schemas into the bundle.)
 *
 * @example
 * ```ts
 * throw new MalformedErasureRequestError('conversation:created');
 * ```
 */
export class MalformedErasureRequestError extends Error {
  constructor(detailType: string) {
    super(`${detailType} is no well-formed erasure request`);
    this.name = 'MalformedErasureRequestError';
  }
}

/** The logger an erasure reports to; Powertools Logger fits. */
export interface InfoLogger {
  info: (message: string, ...extra: Record<string, unknown>[]) => void;
}

/** What {@link eraseConversation} needs. */
export interface EraseConversationDependencies {
  /** The service that holds the data, named in the completion event. */
  readonly service: string;
  readonly table: ConversationTable;
  readonly publish: PublishEvent;
  readonly logger: InfoLogger;
  readonly now?: () => Date;
}

/**
 * Honours one `conversation.erasure.requested` event: tombstone, delete every item of the conversation,
 * then publish `conversation.erasure.completed` with the count. Running it again (a repeated request or
 * a redelivery) is harmless and reports what was left to delete. A malformed request throws, so it is
 * retried and then parked rather than dropped.
 *
 * @example
 * ```ts
 * await eraseConversation(eventBridgeEvent, { service: 'analytics', table, publish, logger });
 * // { conversationId, requestId, service: 'analytics', deleted: { items: 12 } }
 * ```
 */
export const eraseConversation = async (
  envelope: AppBusEnvelope,
  { service, table, publish, logger, now = () => new Date() }: EraseConversationDependencies,
): Promise<ErasureReport> => {
  const request = erasureRequestOf(envelope);
  if (!request) throw new MalformedErasureRequestError(envelope['detail-type']);
  const { deleted } = await table.erase(request.conversationId);
  const report: ErasureReport = { ...request, service, deleted: { items: deleted } };
  await publish(erasureCompletedEvent(report, now()));
  logger.info('conversation erased', { ...request, deletedItems: deleted });
  return report;
};
