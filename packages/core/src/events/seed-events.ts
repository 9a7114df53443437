import { z } from 'zod';

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
    id: z.string().min(1),
    type: z.string().optional(),
  }),
  timestamp: z.string().optional(),
});
export type SeedConversationEvent = z.infer<typeof seedConversationEventSchema>;

/** The detail-type of the seed call analysis event. */
export const CALL_ANALYSIS_COMPLETED = 'call.analysis.completed';

/**
 * The `detail` of a seed `call.analysis.completed` envelope: `{ interactionId, transcript, sentiment }`.
 *
 * @example
 * ```ts
 * callAnalysisCompletedSchema.parse({ interactionId: 'c-1', transcript: 'hello', sentiment: 'positive' });
 * ```
 */
export const callAnalysisCompletedSchema = z.looseObject({
  interactionId: z.string().min(1),
  transcript: z.string().optional(),
  sentiment: z.string().optional(),
});
export type CallAnalysisCompleted = z.infer<typeof callAnalysisCompletedSchema>;
