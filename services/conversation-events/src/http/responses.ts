import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * A JSON answer.
 *
 * @example
 * ```ts
 * jsonResponse(404, { error: 'not_found' });
 * ```
 */
export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
