import * as z from 'zod/mini';
import { openEnum, type SchemaMode } from './open-enum';

/**
 * Kinds of Open Messaging NormalizedMessage.
 *
 * @example
 * ```ts
 * OPEN_MESSAGE_TYPES; // ['Text', 'Structured', 'Receipt', 'Event']
 * ```
 */
export const OPEN_MESSAGE_TYPES = ['Text', 'Structured', 'Receipt', 'Event'] as const;

/**
 * Directions of an Open Messaging message, seen from Genesys.
 *
 * @example
 * ```ts
 * OPEN_MESSAGE_DIRECTIONS; // ['Inbound', 'Outbound']
 * ```
 */
export const OPEN_MESSAGE_DIRECTIONS = ['Inbound', 'Outbound'] as const;

/**
 * Who wrote an outbound message.
 *
 * @example
 * ```ts
 * OPEN_MESSAGE_ORIGINATING_ENTITIES; // ['Human', 'Bot']
 * ```
 */
export const OPEN_MESSAGE_ORIGINATING_ENTITIES = ['Human', 'Bot'] as const;

/**
 * The status a `Receipt` message reports.
 *
 * @example
 * ```ts
 * OPEN_MESSAGE_STATUSES.includes('Delivered'); // true
 * ```
 */
export const OPEN_MESSAGE_STATUSES = ['Sent', 'Delivered', 'Read', 'Failed', 'Published', 'Removed'] as const;

/**
 * Whether a channel is a private conversation or a public post.
 *
 * @example
 * ```ts
 * OPEN_CHANNEL_TYPES; // ['Private', 'Public']
 * ```
 */
export const OPEN_CHANNEL_TYPES = ['Private', 'Public'] as const;

const text = z.optional(z.string());
const party = z.optional(z.looseObject({ id: text, idType: text, nickname: text, firstName: text, lastName: text }));

const schemaFor = <M extends SchemaMode>(mode: M) =>
  z.looseObject({
    // `id` and `channel.time` are required: together they are the only identity a delivery has (no delivery id).
    id: z.string(),
    channel: z.looseObject({
      id: text,
      platform: text,
      type: z.optional(openEnum(mode, OPEN_CHANNEL_TYPES)),
      messageId: text,
      to: party,
      from: party,
      time: z.string(),
    }),
    type: z.optional(openEnum(mode, OPEN_MESSAGE_TYPES)),
    text,
    content: z.optional(z.array(z.looseObject({ contentType: text }))),
    events: z.optional(z.array(z.looseObject({ eventType: text }))),
    direction: z.optional(openEnum(mode, OPEN_MESSAGE_DIRECTIONS)),
    originatingEntity: z.optional(openEnum(mode, OPEN_MESSAGE_ORIGINATING_ENTITIES)),
    status: z.optional(openEnum(mode, OPEN_MESSAGE_STATUSES)),
    reasons: z.optional(z.array(z.looseObject({ code: text, message: text }))),
    isFinalReceipt: z.optional(z.boolean()),
    conversationId: text,
  });

/**
 * The Open Messaging NormalizedMessage schema in both modes: the body of the outbound webhook.
 *
 * @example
 * ```ts
 * openMessagingMessageSchemas.lenient.safeParse({ id: 'm-1', channel: { time: '2025-03-14T09:00:00.000Z' }, type: 'Video' }).success; // true
 * ```
 */
export const openMessagingMessageSchemas = { strict: schemaFor('strict'), lenient: schemaFor('lenient') } as const;

/**
 * The strict Open Messaging NormalizedMessage schema. Unknown fields pass through.
 *
 * @example
 * ```ts
 * openMessagingMessageSchema.parse({ id: 'm-1', channel: { time: '2025-03-14T09:00:00.000Z' }, type: 'Text', text: 'Hi' });
 * ```
 */
export const openMessagingMessageSchema = openMessagingMessageSchemas.strict;

/**
 * A typed Open Messaging NormalizedMessage.
 *
 * @example
 * ```ts
 * const isReceipt = (message: OpenMessagingMessage) => message.type === 'Receipt';
 * ```
 */
export type OpenMessagingMessage = z.infer<typeof openMessagingMessageSchema>;
