import { randomUUID } from 'node:crypto';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher, PublishError, type PublishEvent } from '@genesys-events/app-bus';
import { erasureRequestedEvent } from '@genesys-events/consumer-kit';
import { badConversationId, conversationIdParam, readRouteHandler } from '@genesys-events/consumer-kit/http';
import { AWS_CLIENT_SETTINGS } from '@genesys-events/consumer-kit/store';
import { jsonErrorBody, jsonResponse } from '@genesys-events/core/middleware';
import { createError } from '@middy/util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readErasureRouteConfig } from '../config';
import { logger } from '../observability/logger';

interface Dependencies {
  readonly publish: PublishEvent;
  readonly now?: () => Date;
  readonly newRequestId?: () => string;
}

/**
 * `DELETE /conversations/{conversationId}`: asks every service to erase the conversation by publishing
 * `conversation.erasure.requested` on the app bus, and answers 202 once the bus has accepted it. Each
 * service then deletes what it holds and publishes `conversation.erasure.completed`. Asking again is
 * answered 202 again and erases whatever arrived since. The composed handler first requires a bearer
 * access token with `conversations:erase` (401/403).
 *
 * @example
 * ```ts
 * await lambdaHandler({ pathParameters: { conversationId } }, { publish }); // 202 { status: 'erasure_requested', ... }
 * ```
 */
export const lambdaHandler = async (
  event: Pick<APIGatewayProxyEventV2, 'pathParameters'>,
  { publish, now = () => new Date(), newRequestId = randomUUID }: Dependencies,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const conversationId = conversationIdParam(event);
  if (!conversationId) return badConversationId();
  const request = { conversationId, requestId: newRequestId() };
  await publish(erasureRequestedEvent(request, now()));
  logger.info('conversation erasure requested', request);
  return jsonResponse(202, { status: 'erasure_requested', ...request });
};

/** A request whose erasure could not be put on the bus is answered 503: nothing was promised. */
const retryWhenUnpublished = () => ({
  onError: (request: { error: unknown }) => {
    if (!(request.error instanceof PublishError)) return;
    logger.warn('conversation erasure not requested: retry later', { reason: `publish_${request.error.reason}` });
    const unavailable = createError(503, jsonErrorBody('unavailable', 'the erasure could not be requested, retry'), {
      cause: request.error,
      expose: true,
    });
    request.error = Object.assign(unavailable, { headers: { 'Retry-After': '5' } });
  },
});

const config = readErasureRouteConfig(process.env);
const publish = appBusPublisher({
  client: new EventBridgeClient(AWS_CLIENT_SETTINGS),
  eventBusName: config.appBusName,
});

export const handler = readRouteHandler((event) => lambdaHandler(event, { publish }), {
  scope: 'conversations:erase',
  auth: config.auth,
  logger,
  errorMappers: [retryWhenUnpublished()],
});
