export {
  badConversationId,
  conversationIdParam,
  conversationLookup,
  conversationNotFound,
  type ReadRouteOptions,
  readRouteHandler,
} from './read-route';
