import { ERASURE_REQUESTED } from '@genesys-events/consumer-kit';
import type { BuiltFunction } from './build-functions';

/**
 * Whether a function consumes app-bus events to store them: triggered by a rule, and not a store's
 * erasure function (which deletes, so "writes per new event" means nothing for it).
 *
 * @example
 * ```ts
 * const consumers = readBuiltFunctions(paths).filter(isEventConsumer);
 * ```
 */
export const isEventConsumer = (fn: Pick<BuiltFunction, 'trigger'>): boolean =>
  fn.trigger.kind === 'eventbridge' && !JSON.stringify(fn.trigger.pattern).includes(ERASURE_REQUESTED);
