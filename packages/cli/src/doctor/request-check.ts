import {
  type HeaderMap,
  headerValue,
  MalformedPayloadError,
  mediaType,
  OPEN_MESSAGING_SIGNATURE_HEADER,
  recogniseEvent,
  SEED_HEADERS,
  type SignatureScheme,
  SignatureVerificationError,
  verifyApiKey,
  verifySignature,
} from '@genesys-events/core';
import { CliError } from '../cli/errors';
import type { Settings } from '../config/settings';
import { type Finding, finding } from './finding';

/**
 * A captured request: what API Gateway handed the function (or what a sender says it sent).
 *
 * @example
 * ```ts
 * const request: CapturedRequest = { headers: event.headers, body: event.body, isBase64Encoded: true };
 * ```
 */
export interface CapturedRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded?: boolean;
  readonly path?: string;
}

/**
 * Which check a captured request gets: a signature scheme, or the API key of the EventBridge route.
 *
 * @example
 * ```ts
 * const check: RequestCheck = checkOf(request, 'x-api-key'); // 'seed-form'
 * ```
 */
export type RequestCheck = SignatureScheme | 'api-key';

/**
 * Reads a captured request from JSON text: `{ headers, body, isBase64Encoded?, path? }` (API Gateway's
 * `rawPath` is taken for `path`).
 *
 * @example
 * ```ts
 * parseCapturedRequest('{"headers":{"x-genesys-signature":"ab"},"body":"{}"}');
 * ```
 */
export const parseCapturedRequest = (text: string): CapturedRequest => {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliError('the captured request is not valid JSON');
  }
  const headers = value?.headers;
  if (typeof headers !== 'object' || headers === null || typeof value.body !== 'string') {
    throw new CliError('the captured request needs "headers" (an object) and "body" (the exact body text)');
  }
  const path = typeof value.path === 'string' ? value.path : value.rawPath;
  return {
    headers: Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, String(header)])),
    body: value.body,
    ...(value.isBase64Encoded === true ? { isBase64Encoded: true } : {}),
    ...(typeof path === 'string' ? { path } : {}),
  };
};

/**
 * The check a request gets: from its path when known, else from the headers it carries, the way the routes
 * choose (a form body on the seed route is the form scheme).
 *
 * @example
 * ```ts
 * checkOf({ headers: { 'x-hub-signature-256': 'sha256=...' }, body }, 'x-api-key'); // 'open-messaging'
 * ```
 */
export const checkOf = (request: CapturedRequest, apiKeyHeader: string): RequestCheck => {
  const headers = request.headers as HeaderMap;
  const seed = (): SignatureScheme =>
    mediaType(headerValue(headers, 'content-type')) === 'application/x-www-form-urlencoded'
      ? 'seed-form'
      : 'seed-header';
  const path = request.path ?? '';
  if (path.endsWith('/webhooks/open-messaging')) return 'open-messaging';
  if (path.endsWith('/webhooks/eventbridge')) return 'api-key';
  if (path.endsWith('/webhooks/genesys')) return seed();
  if (headerValue(headers, OPEN_MESSAGING_SIGNATURE_HEADER) !== undefined) return 'open-messaging';
  const seedSignature = [SEED_HEADERS.bodySignature, SEED_HEADERS.formSignature].some((name) =>
    headerValue(headers, name),
  );
  if (!seedSignature && headerValue(headers, apiKeyHeader) !== undefined) return 'api-key';
  return seed();
};

/**
 * Says exactly why a captured request's signature (or API key) does or does not verify, with core's verifier
 * and its diagnosis: the same code the route runs, on the same bytes.
 *
 * @example
 * ```ts
 * checkCapturedRequest({ request, settings, secret: undefined });
 * // [{ level: 'problem', check: 'request', message: 'open-messaging signature does not verify: the digest is hex where standard base64 was expected (hex_instead_of_base64)' }]
 * ```
 */
export const checkCapturedRequest = ({
  request,
  settings,
  secret,
}: {
  request: CapturedRequest;
  settings: Settings;
  secret?: string | undefined;
}): Finding[] => {
  const check = checkOf(request, settings.apiKeyHeader);
  const body = { body: request.body, isBase64Encoded: request.isBase64Encoded };
  try {
    if (check === 'api-key') {
      const keys = secret === undefined ? settings.apiKeys : [secret];
      const { matchedKeyIndex } = verifyApiKey({ headers: request.headers, headerName: settings.apiKeyHeader, keys });
      return [
        finding('ok', 'request', `the API key matches key ${matchedKeyIndex + 1} of ${keys.length}`),
        ...payloadFindings(request.body, request.isBase64Encoded),
      ];
    }
    const secrets = secret === undefined ? secretsOf(check, settings) : [secret];
    const verified = verifySignature({ scheme: check, body, headers: request.headers, secrets });
    const index = verified.matchedSecretIndex;
    const which =
      index === 0 ? 'the current one' : 'an older one: move the sender to the current secret before removing it';
    return [
      finding(
        index === 0 ? 'ok' : 'note',
        'request',
        `the ${check} signature verifies with secret ${index + 1} of ${secrets.length}, ${which}`,
      ),
      ...payloadFindings(verified.payload),
    ];
  } catch (error) {
    if (error instanceof SignatureVerificationError)
      return [finding('problem', 'request', explainFailure(check, error))];
    if (error instanceof MalformedPayloadError) {
      return [finding('problem', 'request', `the request is malformed (${error.reason}): ${error.message}`)];
    }
    throw error;
  }
};

const secretsOf = (scheme: SignatureScheme, settings: Settings): readonly string[] =>
  scheme === 'open-messaging' ? settings.openMessagingSecrets : settings.genesysSecrets;

/**
 * The plain-words reason of a failed check, from the error's safe details.
 *
 * @example
 * ```ts
 * explainFailure('seed-header', error); // 'the seed-header signature does not verify: ...'
 * ```
 */
export const explainFailure = (check: RequestCheck, error: SignatureVerificationError): string => {
  const { details } = error;
  const subject = check === 'api-key' ? 'the API key' : `the ${check} signature`;
  switch (error.reason) {
    case 'no_secrets_configured':
      return `${subject} cannot be checked: no ${check === 'api-key' ? 'API key' : 'secret'} is configured for this route (pass --secret)`;
    case 'missing_signature':
    case 'missing_api_key':
      return `the request carries no ${check === 'api-key' ? 'API key' : 'signature'}; expected in the ${String(details.expectedIn)}`;
    case 'api_key_mismatch':
      return details.diagnosis === 'key_with_whitespace'
        ? `the API key does not match: the sender's key has surrounding whitespace (key_with_whitespace)`
        : `the API key matches none of the ${String(details.keysTried)} configured (no_key_matched)`;
    default:
      return `${subject} does not verify: ${String(details.hint)} (${String(details.diagnosis)}; expected ${String(details.expectedFormat)} in the ${String(details.signatureIn)}, ${String(details.secretsTried)} secret(s) tried)`;
  }
};

/** A request that verifies can still be refused: say so when its body is not an event the routes take. */
const payloadFindings = (payload: string, isBase64Encoded?: boolean): Finding[] => {
  const text = isBase64Encoded ? Buffer.from(payload, 'base64').toString('utf8') : payload;
  try {
    return [finding('ok', 'request', `the body is recognised as ${recogniseEvent(text).kind}`)];
  } catch (error) {
    const reason = error instanceof MalformedPayloadError ? `${error.reason}: ${error.message}` : String(error);
    return [finding('problem', 'request', `authentic, but the route would answer 400 (${reason})`)];
  }
};
