import * as z from 'zod/mini';
import { openEnum, type SchemaMode } from './open-enum';

/**
 * The topic pattern of Genesys's AI conversation summaries (Agent Copilot, Virtual Agent). The body is the
 * Platform API SDK's `ConversationSummaryTopicConversationSummaryEvent`; the topic name follows the SDK model's
 * `ConversationSummaryTopic` prefix and the REST resource `/api/v2/conversations/{id}/summaries`. Check it
 * against `GET /api/v2/notifications/availabletopics` on a live org.
 *
 * @example
 * ```ts
 * CONVERSATION_SUMMARY_PATTERN; // 'v2.conversations.{id}.summaries'
 * ```
 */
export const CONVERSATION_SUMMARY_PATTERN = 'v2.conversations.{id}.summaries';

/**
 * The enum values the SDK lists for a summary's fields (Genesys adds values without notice: lenient mode takes
 * any string).
 *
 * @example
 * ```ts
 * CONVERSATION_SUMMARY_ENUMS.mediaType; // ['UNKNOWN', 'MESSAGE', 'CALL', 'EMAIL']
 * ```
 */
export const CONVERSATION_SUMMARY_ENUMS = {
  messageType: [
    'UNKNOWN',
    'SMS',
    'TWITTER',
    'FACEBOOK',
    'INSTAGRAM',
    'LINE',
    'WHATSAPP',
    'WEBMESSAGING',
    'OPEN',
    'APPLE',
  ],
  mediaType: ['UNKNOWN', 'MESSAGE', 'CALL', 'EMAIL'],
  errorType: ['UNKNOWN', 'CONVERSATION_TOO_LONG', 'CONVERSATION_TOO_SHORT', 'RATE_LIMITED'],
} as const;

const text = z.optional(z.string());
const score = z.optional(z.number());
const scored = z.optional(z.looseObject({ text, description: text, score }));
const participant = z.looseObject({ userId: text, purpose: text });

const schemaFor = <M extends SchemaMode>(mode: M) =>
  z.looseObject({
    conversationId: text,
    queueId: text,
    participants: z.optional(z.array(participant)),
    communicationIds: z.optional(z.array(z.string())),
    latestCommunicationId: text,
    /** ISO 8601: when Genesys made the summary (the event's time). */
    createdDate: text,
    messageType: z.optional(openEnum(mode, CONVERSATION_SUMMARY_ENUMS.messageType)),
    mediaType: z.optional(openEnum(mode, CONVERSATION_SUMMARY_ENUMS.mediaType)),
    summaryId: text,
    language: text,
    summary: z.optional(z.looseObject({ text, score })),
    headline: scored,
    reason: scored,
    resolution: z.optional(z.looseObject({ text, description: text, resolutionValue: text, score })),
    followupActions: z.optional(z.array(z.looseObject({ text, description: text, score }))),
    extractedEntities: z.optional(z.array(z.looseObject({ label: text, value: text }))),
    wrapUpCodes: z.optional(z.array(z.looseObject({ wrapUpCodeId: text, name: text, description: text, score }))),
    triggerSource: z.optional(z.looseObject({ sourceType: text, sourceId: text, sourceOutcome: text })),
    summarySourceType: text,
    triggerType: text,
    lastEditedBy: z.optional(participant),
    errorType: z.optional(openEnum(mode, CONVERSATION_SUMMARY_ENUMS.errorType)),
    durationMs: score,
    labels: z.optional(z.array(z.looseObject({ name: text, description: text, type: text }))),
  });

/**
 * The body schema of `v2.conversations.{id}.summaries` events, in both modes.
 *
 * @example
 * ```ts
 * conversationSummaryEventSchemas.strict.parse({ summary: { text: 'Parcel late; replacement sent.' }, mediaType: 'CALL' });
 * ```
 */
export const conversationSummaryEventSchemas = { strict: schemaFor('strict'), lenient: schemaFor('lenient') } as const;

/**
 * The typed body of a conversation summary event.
 *
 * @example
 * ```ts
 * const reasonOf = (body: ConversationSummaryEventBody) => body.reason?.text;
 * ```
 */
export type ConversationSummaryEventBody = z.infer<typeof conversationSummaryEventSchemas.strict>;
