import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher, PublishError, type PublishEvent } from '@genesys-events/app-bus';
import { jsonResponse, retryLaterError } from '@genesys-events/core/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AWS_CLIENT_SETTINGS } from '../aws/client-settings';
import { requiredSetting } from '../config/settings';
import { badConversationId, conversationIdParam, readRouteHandler } from '../http/read-route';
import { erasureRequestedEvent } from './erasure-events';

/** What requesting an erasure needs from outside: the publisher, the clock and request ids. */
export interface ErasureRequestDependencies {
  readonly publish: PublishEvent;
  readonly logger: Pick<Logger, 'info'>;
  readonly now?: () => Date;
  readonly newRequestId?: () => string;
}

/**
 * `DELETE /conversations/{conversationId}`: asks every service to erase the conversation by publishing
 * `conversation.erasure.requested` on the app bus, and answers 202 once the bus has accepted it. Each
 * service then deletes what it holds and publishes `conversation.erasure.completed`. Asking again is
 * answered 202 again and erases whatever arrived since.
 *
 * @example
 * ```ts
 * await requestErasure({ pathParameters: { conversationId } }, { publish, logger }); // 202 { status: 'erasure_requested', ... }
 * ```
 */
export const requestErasure = async (
  event: Pick<APIGatewayProxyEventV2, 'pathParameters'>,
  { publish, logger, now = () => new Date(), newRequestId = randomUUID }: ErasureRequestDependencies,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const conversationId = conversationIdParam(event);
  if (!conversationId) return badConversationId();
  const request = { conversationId, requestId: newRequestId() };
  await publish(erasureRequestedEvent(request, now()));
  logger.info('conversation erasure requested', request);
  return jsonResponse(202, { status: 'erasure_requested', ...request });
};

/** A request whose erasure could not be put on the bus is answered 503: nothing was promised. */
const retryWhenUnpublished = (logger: Logger) => ({
  onError: (request: { error: unknown }) => {
    if (!(request.error instanceof PublishError)) return;
    logger.warn('conversation erasure not requested: retry later', { reason: `publish_${request.error.reason}` });
    request.error = retryLaterError('the erasure could not be requested, retry', request.error);
  },
});

/**
 * The whole erasure route of the service that owns it, configured at cold start (`APP_BUS_NAME`, the OIDC
 * settings): a bearer access token with `conversations:erase` first (401/403), then {@link requestErasure}.
 *
 * @example
 * ```ts
 * export const handler = erasureRequestHandler({ service: 'conversation-events' });
 * ```
 */
export const erasureRequestHandler = ({ service }: { service: string }) => {
  const logger = new Logger({ serviceName: service });
  const publish = appBusPublisher({
    client: new EventBridgeClient(AWS_CLIENT_SETTINGS),
    eventBusName: requiredSetting(process.env, 'APP_BUS_NAME'),
  });
  return readRouteHandler((event) => requestErasure(event, { publish, logger }), {
    scope: 'conversations:erase',
    logger,
    errorMappers: [retryWhenUnpublished(logger)],
  });
};
