import type { AppBusDetail } from './app-bus-event';

// No zod and no topic catalog here: `@genesys-events/core/identity` exports this to functions whose bundle
// has no room for them.

/**
 * The conversation an event belongs to, if any.
 *
 * @example
 * ```ts
 * conversationIdOf({ topicName: 'conversation:created', eventBody: { conversation: { id: 'c-1' } } }); // 'c-1'
 * ```
 */
export const conversationIdOf = (detail: Pick<AppBusDetail, 'topicName' | 'eventBody'>): string | undefined => {
  const body = detail.eventBody;
  const conversation = body.conversation;
  const candidates = [
    body.conversationId,
    typeof conversation === 'object' && conversation !== null
      ? (conversation as Record<string, unknown>).id
      : undefined,
    body.interactionId,
    /\.conversations?\.([^.]+)\./.exec(detail.topicName)?.[1],
  ];
  return candidates.find((value): value is string => typeof value === 'string' && value.length > 0 && value !== '{id}');
};
