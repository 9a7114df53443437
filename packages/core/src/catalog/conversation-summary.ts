import * as z from 'zod/mini';

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

const text = z.optional(z.string());
const part = z.optional(z.looseObject({ text, score: z.optional(z.number()) }));

// The fields of the SDK model that the system reads; the others (participants, extracted entities, trigger
// source, wrap-up codes, labels, ...) pass through unchecked, as every catalog schema lets unknown fields
// through. `mediaType` (UNKNOWN, MESSAGE, CALL, EMAIL in the SDK) and `errorType` are plain strings, no
// enums: each field declared here is in every webhook bundle, and those must stay under 64 KB.
const schema = z.looseObject({
  /** ISO 8601: when Genesys made the summary (the event's time). */
  createdDate: text,
  mediaType: text,
  summary: part,
  headline: part,
  reason: part,
  resolution: part,
  followupActions: z.optional(z.array(z.looseObject({ text }))),
  /** Set (CONVERSATION_TOO_SHORT, ...) on a summary Genesys could not make: it has no texts. */
  errorType: text,
});

/**
 * The body schema of `v2.conversations.{id}.summaries` events, in both modes (it has no enum fields).
 *
 * @example
 * ```ts
 * conversationSummaryEventSchemas.strict.parse({ summary: { text: 'Parcel late; replacement sent.' }, mediaType: 'CALL' });
 * ```
 */
export const conversationSummaryEventSchemas = { strict: schema, lenient: schema } as const;

/**
 * The typed body of a conversation summary event.
 *
 * @example
 * ```ts
 * const reasonOf = (body: ConversationSummaryEventBody) => body.reason?.text;
 * ```
 */
export type ConversationSummaryEventBody = z.infer<typeof conversationSummaryEventSchemas.strict>;
