import { checkInBothModes } from './check-modes';
import { type OpenMessagingMessage, openMessagingMessageSchemas } from './open-messaging';

/**
 * An Open Messaging webhook body, classified: `known` when the strict schema passes, otherwise `unknown` with
 * why (`unknown_values`: only an enum field holds an unlisted value; `schema_mismatch`: the shape is wrong).
 *
 * @example
 * ```ts
 * const classified: OpenMessagingClassification = classifyOpenMessagingMessage(JSON.parse(body));
 * ```
 */
export type OpenMessagingClassification =
  | { readonly kind: 'known'; readonly message: OpenMessagingMessage }
  | {
      readonly kind: 'unknown';
      readonly reason: 'unknown_values' | 'schema_mismatch';
      readonly issues: string[];
      readonly message: Record<string, unknown>;
    };

/**
 * Classifies a parsed Open Messaging webhook body. Never throws: a value that is not an object is a
 * `schema_mismatch` with an empty `message`.
 *
 * @example
 * ```ts
 * classifyOpenMessagingMessage({ id: 'm-1', channel: { time: '2025-03-14T09:00:00.000Z' }, type: 'Text' }).kind; // 'known'
 * classifyOpenMessagingMessage({ channel: {} }); // { kind: 'unknown', reason: 'schema_mismatch', issues: ['id: missing', 'channel.time: missing'], ... }
 * ```
 */
export const classifyOpenMessagingMessage = (value: unknown): OpenMessagingClassification => {
  const { strict, lenient } = openMessagingMessageSchemas;
  const check = checkInBothModes(strict, lenient, value);
  if (check.result === 'known') return { kind: 'known', message: check.data };
  return { kind: 'unknown', reason: check.result, issues: check.issues, message: isRecord(value) ? value : {} };
};

/**
 * The key that identifies an Open Messaging delivery: Genesys sends no delivery id and retries up to five times,
 * so a message is unique by its `id` and `channel.time`. `undefined` when either is not a string.
 *
 * @example
 * ```ts
 * openMessagingDedupeKey({ id: 'm-1', channel: { time: '2025-03-14T09:00:00.000Z' } }); // 'm-1|2025-03-14T09:00:00.000Z'
 * ```
 */
export const openMessagingDedupeKey = (message: unknown): string | undefined => {
  if (!isRecord(message) || !isRecord(message.channel)) return undefined;
  const { id } = message;
  const { time } = message.channel;
  return typeof id === 'string' && typeof time === 'string' ? `${id}|${time}` : undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
