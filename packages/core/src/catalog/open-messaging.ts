import { z } from 'zod';
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

const text = z.string().optional();
const party = z.looseObject({ id: text, idType: text, nickname: text, firstName: text, lastName: text }).optional();

const schemaFor = <M extends SchemaMode>(mode: M) =>
  z.looseObject({
    // `id` and `channel.time` are required: together they are the only identity a delivery has (no delivery id).
    id: z.string(),
    channel: z.looseObject({
      id: text,
      platform: text,
      type: openEnum(mode, OPEN_CHANNEL_TYPES).optional(),
      messageId: text,
      to: party,
      from: party,
      time: z.string(),
    }),
    type: openEnum(mode, OPEN_MESSAGE_TYPES).optional(),
    text,
    content: z.array(z.looseObject({ contentType: text })).optional(),
    events: z.array(z.looseObject({ eventType: text })).optional(),
    direction: openEnum(mode, OPEN_MESSAGE_DIRECTIONS).optional(),
    originatingEntity: openEnum(mode, OPEN_MESSAGE_ORIGINATING_ENTITIES).optional(),
    status: openEnum(mode, OPEN_MESSAGE_STATUSES).optional(),
    reasons: z.array(z.looseObject({ code: text, message: text })).optional(),
    isFinalReceipt: z.boolean().optional(),
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
