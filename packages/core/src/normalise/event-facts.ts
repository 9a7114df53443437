import { createHash } from 'node:crypto';
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

/**
 * A key that is the same for the same event however often and through whichever transport it arrives:
 * SHA-256 of the topic name and the body with keys sorted. Envelope ids are not used: they change on resend.
 *
 * @example
 * ```ts
 * eventContentKey(detail); // '9f86d081884c7d65...'
 * ```
 */
export const eventContentKey = (detail: Pick<AppBusDetail, 'topicName' | 'eventBody'>): string =>
  createHash('sha256').update(detail.topicName).update('\n').update(canonicalJson(detail.eventBody)).digest('hex');

/** JSON with object keys sorted at every depth, so that key order never changes the key. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

const toIso = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return safeIso(new Date(value));
  if (typeof value === 'string' && value.length > 0) return safeIso(new Date(value));
  return undefined;
};

const safeIso = (date: Date): string | undefined => (Number.isNaN(date.getTime()) ? undefined : date.toISOString());
