const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Segments whose next segment is an id even when it is not a UUID (audit entity types are names). */
const ID_AFTER = new Set(['entitytype', 'entityid']);

/**
 * The topic pattern of a concrete topic name: ids become `{id}`, as in an EventBridge `detail-type`.
 *
 * @example
 * ```ts
 * topicPattern('v2.detail.events.conversation.5f2c1b9e-7a41-4d0e-9a51-0c9f4a3b2d11.customer.end');
 * // 'v2.detail.events.conversation.{id}.customer.end'
 * ```
 */
export const topicPattern = (topicName: string): string => {
  const segments = topicName.split('.');
  return segments
    .map((segment, index) => {
      const previous = index > 0 ? segments[index - 1] : undefined;
      const afterIdMarker = previous !== undefined && ID_AFTER.has(previous) && topicName.startsWith('v2.');
      return UUID.test(segment) || afterIdMarker ? '{id}' : segment;
    })
    .join('.');
};
