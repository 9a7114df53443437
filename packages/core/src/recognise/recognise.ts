import type * as z from 'zod/mini';
import { CALL_ANALYSIS_COMPLETED } from '../app-bus/detail-types';
import { classifyOpenMessagingMessage, openMessagingDedupeKey } from '../catalog/classify-open-messaging';
import {
  type CallAnalysisCompleted,
  callAnalysisCompletedSchema,
  SEED_CONVERSATION_EVENT_TYPES,
  type SeedConversationEvent,
  seedConversationEventSchema,
} from '../catalog/seed-events';
import { MalformedPayloadError } from '../errors';
import {
  type EventBridgeEnvelope,
  eventBridgeEnvelopeSchema,
  type GenesysNotification,
  genesysNotificationSchema,
} from './envelope';

/** A webhook body, recognised as one of the shapes the routes accept. */
export type RecognisedEvent =
  | { readonly kind: 'seed-conversation'; readonly event: SeedConversationEvent }
  | { readonly kind: 'seed-unknown'; readonly eventType: string; readonly event: Record<string, unknown> }
  | {
      readonly kind: 'notification';
      readonly notification: GenesysNotification;
      readonly envelope?: EventBridgeEnvelope;
    }
  | { readonly kind: 'call-analysis'; readonly analysis: CallAnalysisCompleted; readonly envelope: EventBridgeEnvelope }
  | { readonly kind: 'envelope-unknown'; readonly envelope: EventBridgeEnvelope }
  | {
      readonly kind: 'open-messaging';
      readonly message: Record<string, unknown>;
      /** `id` and `channel.time`: what makes a retried message the same message. */
      readonly dedupeKey: string | undefined;
    };

/**
 * Parses JSON text into a recognised event: a seed event (`eventType`), a bare Genesys notification
 * (`topicName` + `eventBody`), an EventBridge envelope (`detail-type` + `detail`) or an Open Messaging
 * NormalizedMessage (`id` + `channel`). Unknown seed event
 * types and unknown envelope details pass through as explicit unknown variants.
 * Throws `MalformedPayloadError` for bad JSON, unknown shapes and known events that fail their schema.
 *
 * @example
 * ```ts
 * recogniseEvent('{"eventType":"conversation:created","conversation":{"id":"c-1"}}').kind; // 'seed-conversation'
 * ```
 */
export const recogniseEvent = (json: string): RecognisedEvent => {
  const value = parseJson(json);
  if (nestingDepthExceeds(value, MAX_NESTING_DEPTH)) {
    throw new MalformedPayloadError('too_deeply_nested', `the event nests deeper than ${MAX_NESTING_DEPTH} levels`);
  }
  if (!isObject(value)) throw new MalformedPayloadError('unrecognised_shape', 'the event is not a JSON object');
  if ('detail-type' in value || 'detail' in value) return recogniseEnvelope(value);
  if ('topicName' in value || 'eventBody' in value) {
    return { kind: 'notification', notification: parseWith(genesysNotificationSchema, value, 'notification') };
  }
  if ('eventType' in value) return recogniseSeedEvent(value);
  if ('channel' in value && 'id' in value) return recogniseOpenMessage(value);
  throw new MalformedPayloadError(
    'unrecognised_shape',
    'expected a seed event (eventType), a Genesys notification (topicName, eventBody), an EventBridge envelope or an Open Messaging message',
  );
};

const recogniseEnvelope = (value: Record<string, unknown>): RecognisedEvent => {
  const envelope = parseWith(eventBridgeEnvelopeSchema, value, 'EventBridge envelope');
  if (envelope['detail-type'] === CALL_ANALYSIS_COMPLETED) {
    return {
      kind: 'call-analysis',
      analysis: parseWith(callAnalysisCompletedSchema, envelope.detail, 'call analysis'),
      envelope,
    };
  }
  if ('topicName' in envelope.detail) {
    return {
      kind: 'notification',
      notification: parseWith(genesysNotificationSchema, envelope.detail, 'notification'),
      envelope,
    };
  }
  return { kind: 'envelope-unknown', envelope };
};

const recogniseSeedEvent = (value: Record<string, unknown>): RecognisedEvent => {
  const eventType = value.eventType;
  if (typeof eventType !== 'string' || eventType.length === 0) {
    throw new MalformedPayloadError('invalid_event', 'eventType must be a non-empty string');
  }
  if ((SEED_CONVERSATION_EVENT_TYPES as readonly string[]).includes(eventType)) {
    return { kind: 'seed-conversation', event: parseWith(seedConversationEventSchema, value, eventType) };
  }
  return { kind: 'seed-unknown', eventType, event: value };
};

/** Unknown enum values pass (the lists lag the service); a message without its identity is malformed. */
const recogniseOpenMessage = (value: Record<string, unknown>): RecognisedEvent => {
  const classified = classifyOpenMessagingMessage(value);
  if (classified.kind === 'unknown' && classified.reason === 'schema_mismatch') {
    throw new MalformedPayloadError(
      'invalid_event',
      `invalid Open Messaging message: check ${classified.issues.join(', ')}`,
    );
  }
  return { kind: 'open-messaging', message: classified.message, dedupeKey: openMessagingDedupeKey(classified.message) };
};

/**
 * Genesys events nest a handful of levels. Refusing absurd depths at the edge keeps every later step
 * (recursive canonical JSON for content keys, structured clones) safe from stack exhaustion.
 */
const MAX_NESTING_DEPTH = 64;

/**
 * Whether a parsed document holds an object or array `limit` levels below its root. Recursive but never
 * deeper than `limit` frames, so a hostile document cannot exhaust the stack; it allocates nothing, since
 * it runs on every request.
 */
const nestingDepthExceeds = (value: unknown, limit: number): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestingDepthExceeds(item, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (nestingDepthExceeds((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
};

const parseJson = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch (cause) {
    throw new MalformedPayloadError('invalid_json', 'the event is not valid JSON', { cause });
  }
};

const parseWith = <T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.infer<T> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw new MalformedPayloadError('invalid_event', `invalid ${what}: check ${fields}`, { cause: result.error });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
