import { CliError } from '../cli/errors';
import { matchesPattern, UnsupportedPatternError } from './event-pattern';
import type { ArchivedEvent, LocalRule, LocalRules } from './local-archive';

/**
 * What a local backfill did: archived events in the window, those that matched at least one of the
 * service's rules, and the invocations that succeeded or failed (an event two rules match is delivered twice).
 *
 * @example
 * ```ts
 * const counts: LocalBackfillCounts = { events: 12, matched: 10, delivered: 11, failed: 0 };
 * ```
 */
export interface LocalBackfillCounts {
  events: number;
  matched: number;
  delivered: number;
  failed: number;
}

/**
 * The outcome of one invocation; `reason` says why it failed, without the function's error message (it can
 * hold event content: the local system's log has the details).
 *
 * @example
 * ```ts
 * const result: InvokeResult = { ok: false, reason: 'the function failed (Unhandled)' };
 * ```
 */
export type InvokeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Invokes a local function with an event and says whether it succeeded.
 *
 * @example
 * ```ts
 * const invoke: Invoke = lambdaInvoker('http://127.0.0.1:3002', 30_000);
 * ```
 */
export type Invoke = (functionName: string, event: unknown) => Promise<InvokeResult>;

/**
 * An invoker on serverless-offline's Lambda API (`POST /2015-03-31/functions/<name>/invocations`,
 * synchronous): the same handler bundles and runtime the local bus invokes. Offline answers a function's
 * error with 200 and `X-Amz-Function-Error`. Nothing listening is a failure of the whole backfill.
 *
 * @example
 * ```ts
 * await lambdaInvoker('http://127.0.0.1:3002', 30_000)('genesys-events-dev-consumeAnalyticsEvent', event);
 * ```
 */
export const lambdaInvoker =
  (endpoint: string, timeoutMs: number): Invoke =>
  async (functionName, event) => {
    const url = `${endpoint.replace(/\/+$/, '')}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return { ok: false, reason: `no answer within ${timeoutMs} ms` };
      throw new CliError(`nothing answers at ${endpoint}: start the local system first (npm run dev)`, {
        cause: error,
      });
    }
    if (response.status === 404) return { ok: false, reason: 'no such function: restart the local system' };
    const functionError = response.headers.get('x-amz-function-error');
    if (response.status !== 200 || functionError) {
      return { ok: false, reason: `the function failed (${functionError ?? `HTTP ${response.status}`})` };
    }
    return { ok: true };
  };

/**
 * The EventBridge event a rule's target receives for an archived event, as the local bus builds it, with
 * the archive's id and time and the `replay-name` a cloud replay adds.
 *
 * @example
 * ```ts
 * envelopeOf(archived, { account: '000000000000', region: 'eu-west-1' }, 'backfill-analytics-...');
 * ```
 */
export const envelopeOf = (
  archived: ArchivedEvent,
  { account, region }: Pick<LocalRules, 'account' | 'region'>,
  replayName: string,
): Record<string, unknown> => ({
  version: '0',
  id: archived.id,
  'detail-type': archived['detail-type'],
  source: archived.source,
  account,
  time: archived.time,
  region,
  resources: archived.resources ?? [],
  detail: archived.detail,
  'replay-name': replayName,
});

/**
 * Options of {@link deliverToService}; `invoke` and `sleep` are injected so tests need no system and no
 * timers.
 *
 * @example
 * ```ts
 * await deliverToService({ rules, context, events, replayName, invoke, sleep });
 * ```
 */
export interface DeliveryOptions {
  readonly rules: readonly LocalRule[];
  readonly context: Pick<LocalRules, 'account' | 'region'>;
  readonly events: readonly ArchivedEvent[];
  readonly replayName: string;
  readonly invoke: Invoke;
  readonly sleep: (ms: number) => Promise<void>;
  /** Attempts per invocation (the local bus's retries stand in for the rule's retry policy). */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
  readonly onEvent?: () => void;
  readonly onFailure?: (rule: LocalRule, event: ArchivedEvent, reason: string) => void;
}

/**
 * Delivers each archived event, in time order, to the service's functions whose rules match it, and to no
 * other function: the local counterpart of a replay with the service's rules as `FilterArns`.
 *
 * @example
 * ```ts
 * const counts = await deliverToService({ rules: localRules.services.analytics, context: localRules, events, replayName, invoke, sleep });
 * ```
 */
export const deliverToService = async (options: DeliveryOptions): Promise<LocalBackfillCounts> => {
  const counts: LocalBackfillCounts = { events: options.events.length, matched: 0, delivered: 0, failed: 0 };
  for (const archived of options.events) {
    const event = envelopeOf(archived, options.context, options.replayName);
    const targets = options.rules.filter((rule) => ruleMatches(rule, event));
    if (targets.length > 0) counts.matched += 1;
    for (const rule of targets) {
      const result = await invokeWithRetries(options, rule, event);
      if (result.ok) counts.delivered += 1;
      else {
        counts.failed += 1;
        options.onFailure?.(rule, archived, result.reason);
      }
    }
    options.onEvent?.();
  }
  return counts;
};

const ruleMatches = (rule: LocalRule, event: Record<string, unknown>): boolean => {
  try {
    return matchesPattern(rule.pattern, event);
  } catch (error) {
    if (!(error instanceof UnsupportedPatternError)) throw error;
    throw new CliError(`the rule of ${rule.function} cannot be evaluated locally: ${error.message}`, { cause: error });
  }
};

const invokeWithRetries = async (
  options: DeliveryOptions,
  rule: LocalRule,
  event: Record<string, unknown>,
): Promise<InvokeResult> => {
  const attempts = options.attempts ?? 3;
  let result: InvokeResult = { ok: false, reason: 'not invoked' };
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    result = await options.invoke(rule.functionName, event);
    if (result.ok) return result;
    if (attempt < attempts) await options.sleep(options.retryDelayMs ?? 300);
  }
  return result;
};
