import { checkInBothModes } from './check-modes';
import { normaliseEventTime } from './event-time';
import { parseTopicName } from './parse-topic-name';
import type { CatalogEventBodies, CatalogFamily, CatalogFamilyOf, CatalogPattern } from './topic-catalog';

/**
 * A notification whose topic the catalog knows and whose body passed the strict schema. Narrowing on
 * `pattern` types `eventBody` exactly; narrowing on `family` types it as any body of that family.
 *
 * @example
 * ```ts
 * if (event.kind === 'known' && event.pattern === 'v2.detail.events.conversation.{id}.user.end') {
 *   event.eventBody.heldDurationMs; // number | undefined
 * }
 * ```
 */
export type KnownCatalogEvent = {
  [P in CatalogPattern]: {
    readonly kind: 'known';
    readonly family: CatalogFamilyOf<P>;
    readonly pattern: P;
    readonly ids: Readonly<Record<string, string>>;
    readonly eventBody: CatalogEventBodies[P];
    /** ISO 8601, whatever form the topic writes its time in. */
    readonly eventTime?: string;
  };
}[CatalogPattern];

/**
 * A notification the catalog cannot type: an unknown topic, a known topic with an enum value the catalog does
 * not list yet (`unknown_values`), or a known topic whose body has the wrong shape (`schema_mismatch`).
 * `issues` name the paths and what is wrong there, never the values.
 *
 * @example
 * ```ts
 * if (event.kind === 'unknown' && event.reason === 'unknown_values') log.warn('catalog lags', { issues: event.issues });
 * ```
 */
export interface UnknownCatalogEvent {
  readonly kind: 'unknown';
  readonly reason: 'unknown_topic' | 'unknown_values' | 'schema_mismatch';
  readonly pattern: string;
  readonly ids: Readonly<Record<string, string>>;
  readonly family?: CatalogFamily;
  readonly issues: string[];
  readonly eventBody: Record<string, unknown>;
  readonly eventTime?: string;
}

/**
 * A classified Genesys notification.
 *
 * @example
 * ```ts
 * const event: CatalogEvent = classifyNotification(notification);
 * ```
 */
export type CatalogEvent = KnownCatalogEvent | UnknownCatalogEvent;

/**
 * Classifies a Genesys notification by its topic and body. Known topics are checked against their strict
 * schema, then their lenient one, so an enum value Genesys added yesterday yields `unknown_values` and the event
 * is still delivered rather than rejected. `eventTime` is ISO 8601 whatever the topic's time format.
 * Never throws, whatever object it is given.
 *
 * @example
 * ```ts
 * classifyNotification({ topicName: `v2.detail.events.conversation.${id}.customer.end`, eventBody: { eventTime: 1741944413589 } });
 * // { kind: 'known', family: 'conversation-detail', pattern: 'v2.detail.events.conversation.{id}.customer.end',
 * //   ids: { conversationId: id }, eventBody: { eventTime: 1741944413589 }, eventTime: '2025-03-14T09:26:53.589Z' }
 * ```
 */
export const classifyNotification = ({
  topicName,
  eventBody,
}: {
  topicName: string;
  eventBody: Record<string, unknown>;
}): CatalogEvent => {
  const { pattern, ids, entry } = parseTopicName(topicName);
  // Typed callers always pass an object; untyped ones (JSON bodies) may not, and must not make this throw.
  if (!isRecord(eventBody)) {
    return {
      kind: 'unknown',
      reason: 'schema_mismatch',
      pattern,
      ids,
      ...(entry === undefined ? {} : { family: entry.family }),
      issues: ['(root): expected object'],
      eventBody: {},
    };
  }
  const eventTime = normaliseEventTime(entry?.timeFormat, eventBody);
  const time = eventTime === undefined ? {} : { eventTime };
  if (entry === undefined)
    return { kind: 'unknown', reason: 'unknown_topic', pattern, ids, issues: [], eventBody, ...time };
  const check = checkInBothModes(entry.strict, entry.lenient, eventBody);
  if (check.result !== 'known') {
    const { family } = entry;
    return { kind: 'unknown', reason: check.result, pattern, ids, family, issues: check.issues, eventBody, ...time };
  }
  // The catalog pairs each pattern with its family and schema, so the parsed body has the pattern's type.
  const known = { kind: 'known', family: entry.family, pattern, ids, eventBody: check.data, ...time };
  return known as KnownCatalogEvent;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
