import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * A JSON answer.
 *
 * @example
 * ```ts
 * jsonResponse(400, { error: 'bad_request', message: 'from must be before to' });
 * ```
 */
export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
