import * as z from 'zod/mini';

/**
 * The topic pattern of audit events; the two ids are the entity type (a name, not a UUID) and the entity id.
 *
 * @example
 * ```ts
 * AUDIT_PATTERN; // 'v2.audits.entitytype.{id}.entityid.{id}'
 * ```
 */
export const AUDIT_PATTERN = 'v2.audits.entitytype.{id}.entityid.{id}';

const text = z.optional(z.string());
const reference = z.optional(z.looseObject({ id: text, name: text }));

// Audits have no enum fields here on purpose: `action`, `serviceName` and `entityType` come from per-service
// lists far longer than any we could keep current, so both modes are the same schema.
const schema = z.looseObject({
  id: text,
  userId: text,
  userHomeOrgId: text,
  username: reference,
  clientId: reference,
  serviceName: text,
  level: text,
  /** ISO 8601, unlike the epoch milliseconds of conversation detail events. */
  eventTime: text,
  action: text,
  entityType: text,
  entity: reference,
  propertyChanges: z.optional(
    z.array(
      z.looseObject({
        property: text,
        oldValues: z.optional(z.array(z.string())),
        newValues: z.optional(z.array(z.string())),
      }),
    ),
  ),
  context: z.optional(z.record(z.string(), z.string())),
});

/**
 * The body schema of `v2.audits.entitytype.{id}.entityid.{id}` events, in both modes.
 *
 * @example
 * ```ts
 * auditEventSchemas.strict.parse({ action: 'Delete', entityType: 'OAuthClient', eventTime: '2025-03-14T09:00:00.000Z' });
 * ```
 */
export const auditEventSchemas = { strict: schema, lenient: schema } as const;

/**
 * The typed body of an audit event.
 *
 * @example
 * ```ts
 * const changed = (body: AuditEventBody) => body.propertyChanges?.map((change) => change.property) ?? [];
 * ```
 */
export type AuditEventBody = z.infer<typeof auditEventSchemas.strict>;
