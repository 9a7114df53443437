import { type Answer, describeAnswer, NoAnswerError } from '../http/post';

/**
 * How Genesys retries a webhook: up to five more times, a few seconds apart.
 *
 * @example
 * ```ts
 * const quick: RetryPolicy = { retries: 2, delayMs: 100 };
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly delayMs: number;
  /** Injected so tests need no fake timers. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Genesys's own policy for Open Messaging webhooks: five retries, five seconds apart.
 *
 * @example
 * ```ts
 * await deliverWithRetries(attempt, GENESYS_RETRY_POLICY);
 * ```
 */
export const GENESYS_RETRY_POLICY: RetryPolicy = { retries: 5, delayMs: 5_000 };

/**
 * The end of one delivery: an answer worth keeping, or giving up after the last retry.
 *
 * @example
 * ```ts
 * const delivery: Delivery = await deliverWithRetries(attempt, GENESYS_RETRY_POLICY);
 * ```
 */
export type Delivery =
  | { readonly kind: 'answered'; readonly answer: Answer; readonly attempts: number }
  | { readonly kind: 'gave-up'; readonly reason: string; readonly attempts: number };

/**
 * What a delivery counts as in a replay summary.
 *
 * @example
 * ```ts
 * const outcome: Outcome = outcomeOf(delivery); // 'duplicate'
 * ```
 */
export type Outcome = 'accepted' | 'duplicate' | 'rejected' | 'failed';

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether Genesys would try again: a 429 or any 5xx (the system says 503 when the event could not be stored
 * yet, or while the same delivery is still in flight). Timeouts and refused connections are retried too.
 *
 * @example
 * ```ts
 * isRetryable(503); // true
 * isRetryable(400); // false
 * ```
 */
export const isRetryable = (status: number): boolean => status === 429 || status >= 500;

/**
 * Makes attempts until one gets an answer that is not retryable, or the retries run out.
 *
 * @example
 * ```ts
 * const delivery = await deliverWithRetries(() => post(url, request), GENESYS_RETRY_POLICY);
 * ```
 */
export const deliverWithRetries = async (attempt: () => Promise<Answer>, policy: RetryPolicy): Promise<Delivery> => {
  const sleep = policy.sleep ?? sleepFor;
  for (let attempts = 1; ; attempts += 1) {
    let reason: string;
    try {
      const answer = await attempt();
      if (!isRetryable(answer.status)) return { kind: 'answered', answer, attempts };
      reason = describeAnswer(answer);
    } catch (error) {
      // Anything but "no answer" is a bug in the request, and retrying would not fix it.
      if (!(error instanceof NoAnswerError)) throw error;
      reason = error.message;
    }
    if (attempts > policy.retries) return { kind: 'gave-up', reason, attempts };
    await sleep(policy.delayMs);
  }
};

/**
 * What a delivery counts as: a 2xx is accepted, or a duplicate when the answer says so; any other answer is
 * rejected; giving up is failed.
 *
 * @example
 * ```ts
 * outcomeOf({ kind: 'answered', attempts: 1, answer: { status: 200, text, json: { status: 'duplicate' } } }); // 'duplicate'
 * ```
 */
export const outcomeOf = (delivery: Delivery): Outcome => {
  if (delivery.kind === 'gave-up') return 'failed';
  const { status, json } = delivery.answer;
  if (status < 200 || status > 299) return 'rejected';
  const said = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).status : undefined;
  return said === 'duplicate' ? 'duplicate' : 'accepted';
};
