import * as z from 'zod/mini';

/** The seed conversation event types the seed form webhook describes. */
export const SEED_CONVERSATION_EVENT_TYPES = ['conversation:created', 'conversation:updated'] as const;

/**
 * A seed conversation event: `{ eventType, conversation: { id, type } }`. Unknown fields pass through.
 *
 * @example
 * ```ts
 * seedConversationEventSchema.parse({ eventType: 'conversation:created', conversation: { id: 'c-1', type: 'call' } });
 * ```
 */
export const seedConversationEventSchema = z.looseObject({
  eventType: z.enum(SEED_CONVERSATION_EVENT_TYPES),
  conversation: z.looseObject({
    id: z.string().check(z.minLength(1)),
    type: z.optional(z.string()),
  }),
  timestamp: z.optional(z.string()),
});
export type SeedConversationEvent = z.infer<typeof seedConversationEventSchema>;

/**
 * The `detail` of a seed `call.analysis.completed` envelope: `{ interactionId, transcript, sentiment }`.
 *
 * @example
 * ```ts
 * callAnalysisCompletedSchema.parse({ interactionId: 'c-1', transcript: 'hello', sentiment: 'positive' });
 * ```
 */
export const callAnalysisCompletedSchema = z.looseObject({
  interactionId: z.string().check(z.minLength(1)),
  transcript: z.optional(z.string()),
  sentiment: z.optional(z.string()),
});
export type CallAnalysisCompleted = z.infer<typeof callAnalysisCompletedSchema>;
