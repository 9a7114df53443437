/**
 * The first event each function serves in a cold start, chosen from its trigger: a signed 2 KB webhook for
 * the webhook routes, an app-bus event its rule matches for the consumers (or an erasure request, an Athena
 * query state change), a scheduled event, a Firehose batch for the lake's transformation, a read for the GET
 * routes.
 */
import type { BuiltFunction } from '../build-functions';
import { hasBenchEvents, ruleEventStream } from '../fixtures/app-bus-stream';
import { benchId } from '../fixtures/bodies';
import { httpApiEvent } from '../fixtures/lambda-events';
import { firehoseTransformationEvent, otherRuleEvent, scheduledEvent } from '../fixtures/other-events';
import { SCHEME_PATHS, SCHEMES, signedWebhook } from '../fixtures/webhooks';

/** A function's first event and what it must answer for the cold start to count. */
export interface FirstEvent {
  readonly event: unknown;
  /** The HTTP status the answer must have; `undefined` for a non-HTTP function (it must not throw). */
  readonly accept: (statusCode: number | undefined) => boolean;
}

/**
 * The first event of a function.
 *
 * @example
 * ```ts
 * const { event, accept } = firstEventOf(fn);
 * ```
 */
export const firstEventOf = (fn: BuiltFunction): FirstEvent => {
  const id = benchId(1);
  const { trigger } = fn;
  if (trigger.kind === 'eventbridge') {
    const event = hasBenchEvents(trigger) ? ruleEventStream(trigger)(1) : otherRuleEvent(trigger, id);
    if (event === undefined) throw new Error(`bench: no first event for ${fn.name}`);
    return { event, accept: () => true };
  }
  if (trigger.kind === 'schedule') return { event: scheduledEvent(), accept: () => true };
  // A function with no event source of its own: the lake's transformation, which Firehose calls.
  if (trigger.kind !== 'http') return { event: firehoseTransformationEvent(id), accept: () => true };
  const scheme = SCHEMES.find((candidate) => SCHEME_PATHS[candidate] === trigger.path);
  if (scheme && trigger.method !== 'GET') {
    return { event: httpApiEvent(signedWebhook(scheme, id).request), accept: (status) => status === 200 };
  }
  const names = [...trigger.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const path = trigger.path.replace(/\{\w+\}/g, id);
  const request =
    names.length > 0
      ? { method: 'GET', path, pathParameters: Object.fromEntries(names.map((name) => [name, id])) }
      : { method: 'GET', path, queryStringParameters: { from: '2025-03-14T09:00:00Z', to: '2025-03-14T10:00:00Z' } };
  // The stub's tables are empty: a read answers 200 or 404, never an error.
  return { event: httpApiEvent(request), accept: (status) => status !== undefined && status < 500 };
};
