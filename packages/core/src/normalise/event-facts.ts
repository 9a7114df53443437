import { normaliseEventTime } from '../catalog/event-time';
import { parseTopicName } from '../catalog/parse-topic-name';
import type { AppBusDetail } from './app-bus-event';

/**
 * The time an event happened, as ISO 8601. Conversation detail events carry `eventTime` in epoch
 * milliseconds, transcription and audit events as ISO strings; the notification `timestamp` is the fallback.
 *
 * @example
 * ```ts
 * eventTimeOf({ topicName: 't', eventBody: { eventTime: 1700000000000 } }); // '2023-11-14T22:13:20.000Z'
 * ```
 */
export const eventTimeOf = (detail: AppBusDetail): string | undefined => {
  const entry = parseTopicName(detail.topicName).entry;
  const bodyTime = normaliseEventTime(entry?.timeFormat, detail.eventBody);
  return bodyTime ?? toIso(detail.timestamp) ?? toIso(detail.gateway?.receivedAt);
};

/**
 * The conversation an event belongs to, if any.
 *
 * @example
 * ```ts
 * conversationIdOf({ topicName: 'conversation:created', eventBody: { conversation: { id: 'c-1' } } }); // 'c-1'
 * ```
 */
export const conversationIdOf = (detail: AppBusDetail): string | undefined => {
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

const toIso = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return safeIso(new Date(value));
  if (typeof value === 'string' && value.length > 0) return safeIso(new Date(value));
  return undefined;
};

const safeIso = (date: Date): string | undefined => (Number.isNaN(date.getTime()) ? undefined : date.toISOString());
