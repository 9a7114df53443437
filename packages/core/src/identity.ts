// `@genesys-events/core/identity`: what names and identifies an event and the conversation it belongs to,
// without core's zod schemas or topic catalog, which importing any value from `@genesys-events/core`
// bundles. For functions whose bundle has no room for them (analytics' sentiment deriver bundles the AFINN
// word list).

export { canonicalJson, eventContentKey } from './app-bus/content-key';
export { conversationIdOf } from './app-bus/conversation-id';
export { CALL_ANALYSIS_COMPLETED } from './app-bus/detail-types';
