import type { AppBusEnvelope, AppBusEvent } from '@genesys-events/core';

/** The detail-type of a request to erase one conversation everywhere. */
export const ERASURE_REQUESTED = 'conversation.erasure.requested';
/** The detail-type each service publishes once it has erased a conversation. */
export const ERASURE_COMPLETED = 'conversation.erasure.completed';
/** The `source` of both (ours, never `aws.*`). */
export const ERASURE_SOURCE = 'genesys-events.erasure';

const ERASURE_VERSION = 'erasure-1';
const MAX_ID_LENGTH = 256;

/** What an erasure request names: the conversation, and an id that ties the completions to the request. */
export interface ErasureRequest {
  readonly conversationId: string;
  readonly requestId: string;
}

/** What one service reports once it has erased a conversation: counts and ids, never personal data. */
export interface ErasureReport extends ErasureRequest {
  readonly service: string;
  readonly deleted: { readonly items: number };
}

/**
 * The app-bus event that asks every service to erase a conversation.
 *
 * @example
 * ```ts
 * await publish(erasureRequestedEvent({ conversationId, requestId: randomUUID() }, new Date()));
 * ```
 */
export const erasureRequestedEvent = (request: ErasureRequest, requestedAt: Date): AppBusEvent =>
  erasureEvent(ERASURE_REQUESTED, { ...request }, requestedAt);

/**
 * The app-bus event a service publishes when it has erased a conversation.
 *
 * @example
 * ```ts
 * await publish(erasureCompletedEvent({ conversationId, requestId, service: 'analytics', deleted: { items: 12 } }, new Date()));
 * ```
 */
export const erasureCompletedEvent = (report: ErasureReport, completedAt: Date): AppBusEvent =>
  erasureEvent(ERASURE_COMPLETED, { ...report }, completedAt);

/**
 * The request an app-bus event carries, or `undefined` when it is not a well-formed erasure request.
 *
 * @example
 * ```ts
 * const request = erasureRequestOf(eventBridgeEvent); // { conversationId, requestId } | undefined
 * ```
 */
export const erasureRequestOf = (envelope: AppBusEnvelope): ErasureRequest | undefined => {
  if (envelope['detail-type'] !== ERASURE_REQUESTED) return undefined;
  const body = (envelope.detail as { eventBody?: Record<string, unknown> } | null)?.eventBody;
  const { conversationId, requestId } = body ?? {};
  if (!isId(conversationId) || !isId(requestId)) return undefined;
  return { conversationId, requestId };
};

/**
 * Whether a string can be a conversation id: not empty and at most 256 characters.
 *
 * @example
 * ```ts
 * isId(event.pathParameters?.conversationId); // false for undefined or ''
 * ```
 */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

const erasureEvent = (detailType: string, eventBody: Record<string, unknown>, at: Date): AppBusEvent => ({
  source: ERASURE_SOURCE,
  detailType,
  detail: { topicName: detailType, version: ERASURE_VERSION, eventBody, metadata: {}, timestamp: at.toISOString() },
});
