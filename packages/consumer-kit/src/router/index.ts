export { type ConsumerHandler, type ConsumerTools, consumerHandler } from './consumer-handler';
export { type EventRouter, eventRouter, type RoutedEvent, type RouteHandler } from './event-router';
