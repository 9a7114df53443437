// Free of zod on purpose: exported through `@genesys-events/core/identity` (see identity.ts).

/** The detail-type of the seed call analysis event, and of the analyses analytics derives. */
export const CALL_ANALYSIS_COMPLETED = 'call.analysis.completed';
