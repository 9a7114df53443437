// The app-bus contract, shared by ingest (which publishes) and every consumer: the `detail` and envelope
// shapes, the `source`, the detail-types that are not topic patterns, and what identifies an event (its
// content key) and its conversation. content-key, conversation-id and detail-types stay free of zod and of
// the catalog: `@genesys-events/core/identity` imports those files directly, never this index.
export * from './app-bus-event';
export { canonicalJson, eventContentKey } from './content-key';
export { conversationIdOf } from './conversation-id';
export { CALL_ANALYSIS_COMPLETED, OPEN_MESSAGING_MESSAGE } from './detail-types';
