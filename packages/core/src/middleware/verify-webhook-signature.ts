import type { MiddlewareObj, Request } from '@middy/core';
import type { SignatureScheme } from '../verify/schemes';
import { type VerifiedSignature, verifySignature } from '../verify/verify-signature';
import { textBodyOf, type WebhookHttpEvent } from './http-event';

/** An event whose signature was verified: `verification` holds the verified payload. */
export type VerifiedWebhookEvent<E extends WebhookHttpEvent = WebhookHttpEvent> = E & {
  verification: VerifiedSignature;
};

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookSignatureOptions<E extends WebhookHttpEvent> {
  /** The scheme of a request; a function when one route accepts several (the seed route does). */
  readonly scheme: SignatureScheme | ((event: E) => SignatureScheme);
  /**
   * The accepted secrets, current first. Called per request with the Middy request, so a cached, rotating
   * source (such as `@middy/ssm` values in `request.internal`) can back it.
   */
  readonly secrets: (request: Request<E>) => readonly string[] | Promise<readonly string[]>;
}

/**
 * Verifies the request's signature with core's {@link verifySignature} before any body parser runs,
 * because verification needs the exact (possibly base64) body that parsers overwrite. On success the
 * body is left as decoded text for the parsers after it, and `event.verification` holds the result.
 * Errors are core's domain errors; register `mapDomainErrors` to answer them.
 *
 * @example
 * ```ts
 * middy(lambdaHandler)
 *   .use(verifyWebhookSignature({ scheme: 'seed-header', secrets: () => config.secrets }))
 *   .use(httpJsonBodyParser());
 * ```
 */
export const verifyWebhookSignature = <E extends WebhookHttpEvent>(
  opts: VerifyWebhookSignatureOptions<E>,
): MiddlewareObj<E> => {
  const { scheme, secrets } = opts;
  const schemeOf = typeof scheme === 'function' ? scheme : () => scheme;

  const verifyWebhookSignatureBefore = async (request: Request<E>) => {
    const { event } = request;
    const verification = verifySignature({
      scheme: schemeOf(event),
      body: { body: textBodyOf(event), isBase64Encoded: event.isBase64Encoded === true },
      headers: event.headers,
      secrets: await secrets(request),
    });
    if (event.isBase64Encoded) {
      event.body = Buffer.from(textBodyOf(event) ?? '', 'base64').toString('utf8');
      event.isBase64Encoded = false;
    }
    (event as VerifiedWebhookEvent<E>).verification = verification;
  };

  return { before: verifyWebhookSignatureBefore };
};
