import type * as z from 'zod/mini';
import { AUDIT_PATTERN, type AuditEventBody, auditEventSchemas } from './audit';
import {
  CONVERSATION_DETAIL_SUFFIXES,
  type ConversationDetailEventBodies,
  type ConversationDetailPattern,
  conversationDetailEventSchemas,
  conversationDetailPattern,
} from './conversation-detail';
import {
  CONVERSATION_SUMMARY_PATTERN,
  type ConversationSummaryEventBody,
  conversationSummaryEventSchemas,
} from './conversation-summary';
import type { TimeFormat } from './event-time';
import { PRESENCE_PATTERN, type PresenceEventBody, presenceEventSchemas } from './presence';
import { TRANSCRIPTION_PATTERN, type TranscriptionEventBody, transcriptionEventSchemas } from './transcription';

/**
 * The families of topics the catalog knows.
 *
 * @example
 * ```ts
 * const family: CatalogFamily = 'transcription';
 * ```
 */
export type CatalogFamily = 'conversation-detail' | 'transcription' | 'conversation-summary' | 'audit' | 'presence';

/**
 * One known topic: its pattern, the names of its ids in order, how it writes times and its body schemas.
 *
 * @example
 * ```ts
 * const entry: TopicCatalogEntry | undefined = TOPIC_CATALOG_BY_PATTERN.get('v2.users.{id}.presence');
 * entry?.idNames; // ['userId']
 * ```
 */
export interface TopicCatalogEntry {
  readonly pattern: string;
  readonly family: CatalogFamily;
  /** One name per `{id}` segment of the pattern, left to right. */
  readonly idNames: readonly string[];
  readonly timeFormat: TimeFormat;
  /** Knows only the listed enum values. */
  readonly strict: z.ZodMiniType;
  /** Takes any string where the strict schema has an enum. */
  readonly lenient: z.ZodMiniType;
}

/**
 * The typed body of every catalog topic, by pattern.
 *
 * @example
 * ```ts
 * type CustomerEnd = CatalogEventBodies['v2.detail.events.conversation.{id}.customer.end'];
 * ```
 */
export type CatalogEventBodies = {
  [S in keyof ConversationDetailEventBodies as ConversationDetailPattern<S>]: ConversationDetailEventBodies[S];
} & {
  [TRANSCRIPTION_PATTERN]: TranscriptionEventBody;
  [CONVERSATION_SUMMARY_PATTERN]: ConversationSummaryEventBody;
  [AUDIT_PATTERN]: AuditEventBody;
  [PRESENCE_PATTERN]: PresenceEventBody;
};

/**
 * A pattern the catalog knows.
 *
 * @example
 * ```ts
 * const pattern: CatalogPattern = 'v2.audits.entitytype.{id}.entityid.{id}';
 * ```
 */
export type CatalogPattern = keyof CatalogEventBodies;

/**
 * The family of a catalog pattern.
 *
 * @example
 * ```ts
 * type Family = CatalogFamilyOf<'v2.users.{id}.presence'>; // 'presence'
 * ```
 */
export type CatalogFamilyOf<P extends CatalogPattern> = P extends ConversationDetailPattern
  ? 'conversation-detail'
  : P extends typeof TRANSCRIPTION_PATTERN
    ? 'transcription'
    : P extends typeof CONVERSATION_SUMMARY_PATTERN
      ? 'conversation-summary'
      : P extends typeof AUDIT_PATTERN
        ? 'audit'
        : 'presence';

/**
 * Every topic the catalog knows: the sixteen conversation detail events, transcription, conversation summaries,
 * audit and presence.
 *
 * @example
 * ```ts
 * TOPIC_CATALOG.filter((entry) => entry.family === 'conversation-detail').length; // 16
 * ```
 */
export const TOPIC_CATALOG: readonly TopicCatalogEntry[] = Object.freeze([
  ...CONVERSATION_DETAIL_SUFFIXES.map(
    (suffix): TopicCatalogEntry => ({
      pattern: conversationDetailPattern(suffix),
      family: 'conversation-detail',
      idNames: ['conversationId'],
      timeFormat: 'epoch-ms',
      strict: conversationDetailEventSchemas.strict[suffix],
      lenient: conversationDetailEventSchemas.lenient[suffix],
    }),
  ),
  {
    pattern: TRANSCRIPTION_PATTERN,
    family: 'transcription',
    idNames: ['conversationId'],
    timeFormat: 'iso',
    ...transcriptionEventSchemas,
  },
  {
    pattern: CONVERSATION_SUMMARY_PATTERN,
    family: 'conversation-summary',
    idNames: ['conversationId'],
    timeFormat: 'iso',
    ...conversationSummaryEventSchemas,
  },
  {
    pattern: AUDIT_PATTERN,
    family: 'audit',
    idNames: ['entityType', 'entityId'],
    timeFormat: 'iso',
    ...auditEventSchemas,
  },
  { pattern: PRESENCE_PATTERN, family: 'presence', idNames: ['userId'], timeFormat: 'iso', ...presenceEventSchemas },
]);

/**
 * The catalog entries by pattern. A `Map`, so that no topic name can reach `Object.prototype`.
 *
 * @example
 * ```ts
 * TOPIC_CATALOG_BY_PATTERN.get('v2.conversations.{id}.transcription')?.timeFormat; // 'iso'
 * ```
 */
export const TOPIC_CATALOG_BY_PATTERN: ReadonlyMap<string, TopicCatalogEntry> = new Map(
  TOPIC_CATALOG.map((entry) => [entry.pattern, entry]),
);
