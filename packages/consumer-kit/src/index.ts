export {
  type EraseConversationDependencies,
  eraseConversation,
  type InfoLogger,
  MalformedErasureRequestError,
} from './erasure/erase-conversation';
export {
  ERASURE_COMPLETED,
  ERASURE_REQUESTED,
  ERASURE_SOURCE,
  type ErasureReport,
  type ErasureRequest,
  erasureCompletedEvent,
  erasureRequestedEvent,
  erasureRequestOf,
  isId,
} from './erasure/erasure-events';
export * from './observability/index';
export * from './store/index';
