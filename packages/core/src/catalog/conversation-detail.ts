import * as z from 'zod/mini';
import {
  ACD_OUTCOMES,
  DIRECTIONS,
  DISCONNECT_TYPES,
  FLOW_EXIT_REASONS,
  FLOW_OUTCOME_VALUES,
  FLOW_TYPES,
  MEDIA_TYPES,
  MESSAGE_TYPES,
} from './conversation-detail-enums';
import { openEnum, type SchemaMode } from './open-enum';

/**
 * The suffixes of the sixteen conversation detail event topics, `v2.detail.events.conversation.{id}.<suffix>`.
 *
 * @example
 * ```ts
 * CONVERSATION_DETAIL_SUFFIXES.length; // 16
 * ```
 */
export const CONVERSATION_DETAIL_SUFFIXES = [
  'acd.start',
  'acd.end',
  'customer.start',
  'customer.end',
  'user.start',
  'user.end',
  'acw',
  'wrapup',
  'flow.start',
  'flow.end',
  'flow.outcome',
  'voicemail.start',
  'voicemail.end',
  'outbound',
  'attributes',
  'contact',
] as const;

/**
 * One conversation detail topic suffix.
 *
 * @example
 * ```ts
 * const suffix: ConversationDetailSuffix = 'customer.end';
 * ```
 */
export type ConversationDetailSuffix = (typeof CONVERSATION_DETAIL_SUFFIXES)[number];

/**
 * The topic pattern of a conversation detail event, as EventBridge writes it in `detail-type`.
 *
 * @example
 * ```ts
 * const pattern: ConversationDetailPattern<'acw'> = 'v2.detail.events.conversation.{id}.acw';
 * ```
 */
export type ConversationDetailPattern<S extends ConversationDetailSuffix = ConversationDetailSuffix> =
  `v2.detail.events.conversation.{id}.${S}`;

/**
 * The topic pattern of the conversation detail event with this suffix.
 *
 * @example
 * ```ts
 * conversationDetailPattern('user.end'); // 'v2.detail.events.conversation.{id}.user.end'
 * ```
 */
export const conversationDetailPattern = <S extends ConversationDetailSuffix>(
  suffix: S,
): ConversationDetailPattern<S> => `v2.detail.events.conversation.{id}.${suffix}`;

// Every field is optional: the topic schemas mark them so, and a body without one is still the event.
const text = z.optional(z.string());
const millis = z.optional(z.number());

const commonFields = <M extends SchemaMode>(mode: M) => ({
  /** Epoch milliseconds, unlike the ISO strings of the other topics. */
  eventTime: millis,
  conversationId: text,
  participantId: text,
  sessionId: text,
  mediaType: z.optional(openEnum(mode, MEDIA_TYPES)),
  direction: z.optional(openEnum(mode, DIRECTIONS)),
  provider: text,
  ani: text,
  dnis: text,
  addressTo: text,
  addressFrom: text,
  messageType: z.optional(openEnum(mode, MESSAGE_TYPES)),
  divisionId: text,
  conversationExternalContactIds: z.optional(z.array(z.string())),
});

const schemasFor = <M extends SchemaMode>(mode: M) => {
  const common = commonFields(mode);
  const disconnectType = z.optional(openEnum(mode, DISCONNECT_TYPES));
  const flowType = z.optional(openEnum(mode, FLOW_TYPES));
  const flow = { flowId: text, flowType, flowVersion: text, exitReason: z.optional(openEnum(mode, FLOW_EXIT_REASONS)) };
  const wrapup = { userId: text, queueId: text, wrapupCode: text, wrapupNotes: text, wrapupDurationMs: millis };
  const externalContact = { externalContactId: text, externalOrganizationId: text };
  const milestone = z.looseObject({ milestoneId: text, milestoneTime: millis });
  return {
    'acd.start': z.looseObject({ ...common, queueId: text, routingPriority: millis }),
    'acd.end': z.looseObject({
      ...common,
      queueId: text,
      acdOutcome: z.optional(openEnum(mode, ACD_OUTCOMES)),
      answeredUserId: text,
      connectedDurationMs: millis,
      disconnectType,
      routingPriority: millis,
    }),
    'customer.start': z.looseObject({ ...common, ...externalContact }),
    'customer.end': z.looseObject({ ...common, ...externalContact, disconnectType, interactingDurationMs: millis }),
    'user.start': z.looseObject({ ...common, userId: text, queueId: text }),
    'user.end': z.looseObject({
      ...common,
      userId: text,
      queueId: text,
      disconnectType,
      interactingDurationMs: millis,
      heldDurationMs: millis,
      alertingDurationMs: millis,
      contactingDurationMs: millis,
      dialingDurationMs: millis,
    }),
    acw: z.looseObject({ ...common, ...wrapup }),
    wrapup: z.looseObject({ ...common, ...wrapup }),
    'flow.start': z.looseObject({ ...common, ...flow }),
    'flow.end': z.looseObject({ ...common, ...flow, connectedDurationMs: millis }),
    'flow.outcome': z.looseObject({
      ...common,
      flowId: text,
      flowType,
      flowVersion: text,
      flowOutcomeId: text,
      flowOutcomeValue: z.optional(openEnum(mode, FLOW_OUTCOME_VALUES)),
      flowOutcomeStartTime: millis,
      flowOutcomeEndTime: millis,
      flowMilestones: z.optional(z.array(milestone)),
    }),
    'voicemail.start': z.looseObject({ ...common, userId: text, queueId: text }),
    'voicemail.end': z.looseObject({
      ...common,
      userId: text,
      queueId: text,
      disconnectType,
      voicemailDurationMs: millis,
    }),
    outbound: z.looseObject({
      ...common,
      outboundCampaignId: text,
      outboundContactListId: text,
      outboundContactId: text,
    }),
    attributes: z.looseObject({ ...common, attributes: z.optional(z.record(z.string(), z.string())) }),
    contact: z.looseObject({ ...common, ...externalContact }),
  } satisfies Record<ConversationDetailSuffix, z.ZodMiniType>;
};

/**
 * The body schemas of the sixteen conversation detail events, by suffix, in both modes.
 *
 * @example
 * ```ts
 * conversationDetailEventSchemas.strict['customer.end'].parse({ eventTime: 1741944413589, mediaType: 'VOICE' });
 * conversationDetailEventSchemas.lenient['customer.end'].parse({ mediaType: 'HOLOGRAM' }); // passes
 * ```
 */
export const conversationDetailEventSchemas = {
  strict: schemasFor('strict'),
  lenient: schemasFor('lenient'),
} as const;

/**
 * The typed body of every conversation detail event, by suffix.
 *
 * @example
 * ```ts
 * const held: ConversationDetailEventBodies['user.end']['heldDurationMs'] = 1200;
 * ```
 */
export type ConversationDetailEventBodies = {
  [S in ConversationDetailSuffix]: z.infer<(typeof conversationDetailEventSchemas.strict)[S]>;
};

/**
 * The typed body of a conversation detail event (of one suffix, or of any).
 *
 * @example
 * ```ts
 * const body: ConversationDetailEventBody<'acd.end'> = { acdOutcome: 'ANSWERED', queueId: 'q-1' };
 * ```
 */
export type ConversationDetailEventBody<S extends ConversationDetailSuffix = ConversationDetailSuffix> =
  ConversationDetailEventBodies[S];
