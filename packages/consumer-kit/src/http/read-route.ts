import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type AccessTokenSettings, readAccessTokenSettings } from '@genesys-events/core/auth';
import { requireAccessToken } from '@genesys-events/core/auth/middleware';
import { jsonHttpErrorHandler, jsonResponse } from '@genesys-events/core/middleware';
import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isId } from '../erasure/erasure-events';

type HttpHandler = MiddyfiedHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/** Options of {@link readRouteHandler}. */
export interface ReadRouteOptions {
  /** The scope a caller's access token must grant (`conversations:read`, `analytics:read`, ...). */
  readonly scope: string;
  /** The issuer whose tokens the route takes; read from `OIDC_*` at cold start when not given. */
  readonly auth?: AccessTokenSettings;
  readonly logger: Logger;
  /** Error mappers of the route's own, run before the JSON error handler answers. */
  readonly errorMappers?: readonly MiddlewareObj[];
}

/**
 * A route of the API as every service composes it: the access token checked first (401/403 with the
 * JSON error body), the logger's request keys reset, the route's own error mappers, and JSON errors that
 * reveal nothing. The pure handler is tested on its own.
 *
 * @example
 * ```ts
 * export const handler = readRouteHandler((event) => lambdaHandler(event, { table }), { scope: 'analytics:read', logger });
 * ```
 */
export const readRouteHandler = (
  lambdaHandler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
  { scope, auth = readAccessTokenSettings(process.env), logger, errorMappers = [] }: ReadRouteOptions,
): HttpHandler => {
  const handler = middy(lambdaHandler).use(jsonHttpErrorHandler({ logger }));
  for (const mapper of errorMappers) handler.use(mapper);
  return handler
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requireAccessToken({ ...auth, scope, logger })) as unknown as HttpHandler;
};

/**
 * The `conversationId` path parameter, or `undefined` when it is missing or over 256 characters.
 *
 * @example
 * ```ts
 * const conversationId = conversationIdParam(event);
 * if (!conversationId) return badConversationId();
 * ```
 */
export const conversationIdParam = (event: Pick<APIGatewayProxyEventV2, 'pathParameters'>): string | undefined => {
  const conversationId = event.pathParameters?.conversationId;
  return isId(conversationId) ? conversationId : undefined;
};

/** The 400 answer to a missing or over-long conversation id. */
export const badConversationId = (): APIGatewayProxyStructuredResultV2 =>
  jsonResponse(400, { error: 'bad_request', message: 'conversationId is missing or too long' });

/** The 404 answer to a conversation the service holds nothing of (none stored, expired or erased). */
export const conversationNotFound = (message: string): APIGatewayProxyStructuredResultV2 =>
  jsonResponse(404, { error: 'not_found', message });

/**
 * The whole of a per-conversation read: 400 for a missing or over-long id, 404 (with `notFound`) when
 * `find` has nothing of the conversation, else 200 with what it found.
 *
 * @example
 * ```ts
 * const lambdaHandler = (event) => conversationLookup(event, (id) => table.summaryOf(id), 'no events for this conversation');
 * ```
 */
export const conversationLookup = async (
  event: Pick<APIGatewayProxyEventV2, 'pathParameters'>,
  find: (conversationId: string) => Promise<object | undefined>,
  notFound: string,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const conversationId = conversationIdParam(event);
  if (!conversationId) return badConversationId();
  const found = await find(conversationId);
  return found === undefined ? conversationNotFound(notFound) : jsonResponse(200, found);
};
