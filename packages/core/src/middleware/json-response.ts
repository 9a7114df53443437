import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * A JSON answer of an HTTP route, as API Gateway takes it from a Lambda.
 *
 * @example
 * ```ts
 * jsonResponse(200, { status: 'accepted', eventId });
 * ```
 */
export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
