import * as z from 'zod/mini';

/**
 * The topic pattern of user presence events.
 *
 * @example
 * ```ts
 * PRESENCE_PATTERN; // 'v2.users.{id}.presence'
 * ```
 */
export const PRESENCE_PATTERN = 'v2.users.{id}.presence';

const text = z.optional(z.string());
// `systemPresence` is a plain string in the topic schema, and Genesys spells the same presence differently
// across its APIs ('On Queue', 'ON_QUEUE'), so an enum here would flag values that are not new.
const presenceDefinition = z.optional(z.looseObject({ id: text, systemPresence: text }));

const schema = z.looseObject({
  source: text,
  presenceDefinition,
  futurePresenceDefinition: presenceDefinition,
  primary: z.optional(z.boolean()),
  message: text,
  /** ISO 8601: the time of a presence event. */
  modifiedDate: text,
});

/**
 * The body schema of `v2.users.{id}.presence` events, in both modes (it has no enum fields).
 *
 * @example
 * ```ts
 * presenceEventSchemas.strict.parse({ presenceDefinition: { id: 'p-1', systemPresence: 'Available' } });
 * ```
 */
export const presenceEventSchemas = { strict: schema, lenient: schema } as const;

/**
 * The typed body of a user presence event.
 *
 * @example
 * ```ts
 * const presenceOf = (body: PresenceEventBody) => body.presenceDefinition?.systemPresence;
 * ```
 */
export type PresenceEventBody = z.infer<typeof presenceEventSchemas.strict>;
