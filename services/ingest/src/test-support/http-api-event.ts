/**
 * API Gateway HTTP API (payload format 2.0) events as AWS hands them to the webhook functions: the route key
 * of an `ANY` route on the `$default` stage, lower-cased header names, the `Cookie` header moved to
 * `cookies`, a full `requestContext`, and the body either as text or base64 (`isBase64Encoded`), which is
 * how HTTP APIs deliver form posts and any body they do not treat as text. Every builder returns a fresh
 * object, because the Middy chain writes to its event.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The webhook routes, as `serverless/functions.yml` declares them. */
export type WebhookPath = '/webhooks/genesys' | '/webhooks/open-messaging' | '/webhooks/eventbridge';

/** Options of {@link httpApiEvent}. */
export interface HttpApiEventOptions {
  readonly path?: WebhookPath;
  readonly method?: string;
  /** The body as the sender wrote it; base64-encoded here when `isBase64Encoded` is true. */
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  /** The sender's headers (any case: HTTP APIs lower-case them). */
  readonly headers?: Record<string, string>;
  readonly cookies?: readonly string[];
  readonly requestId?: string;
  readonly userAgent?: string;
}

const API_ID = 'k7x2mq9d1a';
const SOURCE_IP = '52.18.61.104';

/** Headers API Gateway adds to every request it forwards. */
const gatewayHeaders = (bodyBytes: number, userAgent: string): Record<string, string> => ({
  accept: '*/*',
  'accept-encoding': 'gzip, deflate',
  'content-length': String(bodyBytes),
  host: `${API_ID}.execute-api.eu-west-1.amazonaws.com`,
  'user-agent': userAgent,
  'x-amzn-trace-id': 'Root=1-6650f2a1-3c9d2b7e5a1f4e0d8c6b9a72',
  'x-forwarded-for': SOURCE_IP,
  'x-forwarded-port': '443',
  'x-forwarded-proto': 'https',
});

/**
 * An HTTP API v2 event for a webhook route.
 *
 * @example
 * ```ts
 * httpApiEvent({ path: '/webhooks/eventbridge', body: '{"detail-type":...}', isBase64Encoded: true });
 * ```
 */
export const httpApiEvent = ({
  path = '/webhooks/genesys',
  method = 'POST',
  body,
  isBase64Encoded = false,
  headers = {},
  cookies = ['AWSALB=t3Vq0mNf2; Path=/'],
  requestId = 'XyZ1aBcDeFgHiJk=',
  userAgent = 'Genesys-Cloud-Webhooks/1.0',
}: HttpApiEventOptions): APIGatewayProxyEventV2 => {
  const bytes = Buffer.from(body ?? '', 'utf8');
  const sent = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const time = new Date();
  return {
    version: '2.0',
    routeKey: `ANY ${path}`,
    rawPath: path,
    rawQueryString: '',
    cookies: [...cookies],
    headers: { ...gatewayHeaders(bytes.length, userAgent), ...sent },
    requestContext: {
      accountId: '210987654321',
      apiId: API_ID,
      domainName: `${API_ID}.execute-api.eu-west-1.amazonaws.com`,
      domainPrefix: API_ID,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: SOURCE_IP, userAgent },
      requestId,
      routeKey: `ANY ${path}`,
      stage: '$default',
      time: httpApiTime(time),
      timeEpoch: time.getTime(),
    },
    ...(body === undefined ? {} : { body: isBase64Encoded ? bytes.toString('base64') : body }),
    isBase64Encoded,
  };
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` as HTTP APIs write it: `12/Mar/2026:19:03:58 +0000`. */
const httpApiTime = (time: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${pad(time.getUTCDate())}/${MONTHS[time.getUTCMonth()]}/${time.getUTCFullYear()}`;
  return `${date}:${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())} +0000`;
};
