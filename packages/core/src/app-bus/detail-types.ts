// The app bus's detail-types that are not Genesys topic patterns (those come from the catalog's
// topicPattern). Free of zod on purpose: exported through `@genesys-events/core/identity` (see identity.ts).

/**
 * The detail-type of the seed call analysis event, and of the analyses analytics derives.
 *
 * @example
 * ```ts
 * if (event['detail-type'] === CALL_ANALYSIS_COMPLETED) deriveSentiment(event.detail);
 * ```
 */
export const CALL_ANALYSIS_COMPLETED = 'call.analysis.completed';

/**
 * The detail-type and topic name of Open Messaging messages on the app bus.
 *
 * @example
 * ```ts
 * const rule = { source: [APP_BUS_SOURCE], 'detail-type': [OPEN_MESSAGING_MESSAGE] };
 * ```
 */
export const OPEN_MESSAGING_MESSAGE = 'open-messaging.message';
