import {
  type AppBusEnvelope,
  type CatalogEventBodies,
  type CatalogPattern,
  classifyNotification,
  consumedEventOf,
  UnusableEventError,
} from '@genesys-events/core';

/** What a route's handler is given: core's validated event, typed by its catalog pattern. */
export interface RoutedEvent<P extends CatalogPattern> {
  readonly pattern: P;
  /** The body, checked against the pattern's strict schema. */
  readonly eventBody: CatalogEventBodies[P];
  /** The ids the topic name carries (`conversationId`, `userId`, ...). */
  readonly ids: Readonly<Record<string, string>>;
  readonly conversationId: string;
  /** The content key: the same for every redelivery of the event, over any transport. */
  readonly eventKey: string;
  readonly eventTime: string;
  readonly transport: string;
}

/** A route's handler; `tools` is what the consumer handler passes along (its logger, say). */
export type RouteHandler<P extends CatalogPattern, T> = (event: RoutedEvent<P>, tools: T) => unknown;

/** A typed router of app-bus events by catalog pattern. */
export interface EventRouter<T> {
  /** Adds a route; the handler gets the event typed by `pattern`. */
  readonly on: <P extends CatalogPattern>(pattern: P, handler: RouteHandler<P, T>) => EventRouter<T>;
  /** Validates, classifies and dispatches one event; resolves with the pattern and the handler's result. */
  readonly route: (envelope: AppBusEnvelope, tools: T) => Promise<{ pattern: CatalogPattern; result: unknown }>;
  /** The patterns routed, for checks and logs. */
  readonly patterns: () => CatalogPattern[];
}

/**
 * A router of app-bus events to handlers by catalog pattern. An event that is not an app-bus detail,
 * names no conversation, fails its pattern's strict schema (a value the catalog does not know yet) or
 * has no route throws core's `UnusableEventError`: EventBridge retries it and parks it in the service's
 * dead-letter queue, from which `genesys-events redrive` brings it back once the code knows it.
 *
 * @example
 * ```ts
 * const router = eventRouter<{ logger: Logger }>().on('v2.detail.events.conversation.{id}.customer.end', (event, { logger }) =>
 *   logger.info('customer left', { conversationId: event.conversationId, disconnectType: event.eventBody.disconnectType }),
 * );
 * ```
 */
export const eventRouter = <T>(): EventRouter<T> => {
  const routes = new Map<string, RouteHandler<CatalogPattern, T>>();
  const router: EventRouter<T> = {
    on: (pattern, handler) => {
      if (routes.has(pattern)) throw new Error(`consumer kit: ${pattern} has a route already`);
      routes.set(pattern, handler as unknown as RouteHandler<CatalogPattern, T>);
      return router;
    },
    route: async (envelope, tools) => {
      const consumed = consumedEventOf(envelope);
      const classified = classifyNotification(consumed.detail);
      if (classified.kind !== 'known') {
        throw new UnusableEventError('invalid_detail', `${classified.pattern}: ${classified.reason}`);
      }
      const handler = routes.get(classified.pattern);
      if (!handler) throw new UnusableEventError('invalid_detail', `${classified.pattern} has no route`);
      const { conversationId, eventKey, eventTime, transport } = consumed;
      const event = { ...classified, conversationId, eventKey, eventTime, transport };
      return { pattern: classified.pattern, result: await handler(event as RoutedEvent<CatalogPattern>, tools) };
    },
    patterns: () => [...routes.keys()] as CatalogPattern[],
  };
  return router;
};
