// Kept apart from analytics-event.ts, which reads bodies through core's zod schemas: the sentiment deriver
// publishes with this source and must not bundle those schemas.

/**
 * The `source` analytics publishes its derived events with (ours, never `aws.*`).
 *
 * @example
 * ```ts
 * const derivedByAnalytics = envelope.source === ANALYTICS_SOURCE;
 * ```
 */
export const ANALYTICS_SOURCE = 'genesys-events.analytics';
