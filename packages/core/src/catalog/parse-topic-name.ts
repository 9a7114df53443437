import { TOPIC_CATALOG, type TopicCatalogEntry } from './topic-catalog';
import { topicPattern } from './topic-pattern';

/**
 * A topic name taken apart: its pattern, its ids by name and, for a topic the catalog knows, its entry.
 *
 * @example
 * ```ts
 * const parsed: ParsedTopic = parseTopicName('v2.users.2c4e6a8b-0d1f-4e3a-b5c7-d9e1f3a5b7c9.presence');
 * ```
 */
export interface ParsedTopic {
  readonly pattern: string;
  readonly ids: Readonly<Record<string, string>>;
  readonly entry?: TopicCatalogEntry;
}

const ID = '{id}';
const SEPARATOR = '.';

const CATALOG_SEGMENTS = TOPIC_CATALOG.map((entry) => ({ entry, segments: entry.pattern.split(SEPARATOR) }));

/**
 * Takes a topic name apart. A concrete name is matched segment by segment against the catalog patterns, where
 * `{id}` matches exactly one non-empty segment and names it (`conversationId`, `userId`, `entityType` and
 * `entityId`). A name that is already a pattern (as in an EventBridge `detail-type`) has no ids. A topic the
 * catalog does not know gets the pattern `topicPattern` makes (UUIDs become `{id}`), no ids and no entry.
 *
 * @example
 * ```ts
 * parseTopicName('v2.audits.entitytype.Queue.entityid.3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c');
 * // { pattern: 'v2.audits.entitytype.{id}.entityid.{id}', ids: { entityType: 'Queue', entityId: '3f1d...' }, entry }
 * parseTopicName('v2.users.{id}.presence'); // { pattern: 'v2.users.{id}.presence', ids: {}, entry }
 * ```
 */
export const parseTopicName = (topicName: string): ParsedTopic => {
  // Callers may hand over whatever a JSON body held; anything but a string is an unknown, empty topic.
  const name = typeof topicName === 'string' ? topicName : '';
  const segments = name.split(SEPARATOR);
  for (const candidate of CATALOG_SEGMENTS) {
    const ids = idsIfMatching(candidate.segments, candidate.entry.idNames, segments);
    if (ids !== undefined) return { pattern: candidate.entry.pattern, ids, entry: candidate.entry };
  }
  return { pattern: topicPattern(name), ids: {} };
};

const idsIfMatching = (
  patternSegments: readonly string[],
  idNames: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined => {
  if (patternSegments.length !== segments.length) return undefined;
  const ids: Record<string, string> = {};
  let idIndex = 0;
  for (const [index, expected] of patternSegments.entries()) {
    const segment = segments[index] ?? '';
    if (expected !== ID) {
      if (segment !== expected) return undefined;
      continue;
    }
    if (segment.length === 0) return undefined;
    const idName = idNames[idIndex];
    idIndex += 1;
    // A literal `{id}` (a partly concrete pattern) matches but names nothing.
    if (segment !== ID && idName !== undefined) ids[idName] = segment;
  }
  return ids;
};
