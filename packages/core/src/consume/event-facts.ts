import type { AppBusDetail } from '../app-bus/app-bus-event';
import { normaliseEventTime } from '../catalog/event-time';
import { parseTopicName } from '../catalog/parse-topic-name';

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

const toIso = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return safeIso(new Date(value));
  if (typeof value === 'string' && value.length > 0) return safeIso(new Date(value));
  return undefined;
};

const safeIso = (date: Date): string | undefined => (Number.isNaN(date.getTime()) ? undefined : date.toISOString());
