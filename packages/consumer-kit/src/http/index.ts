export {
  badConversationId,
  conversationIdParam,
  conversationNotFound,
  type ReadRouteOptions,
  readRouteHandler,
} from './read-route';
