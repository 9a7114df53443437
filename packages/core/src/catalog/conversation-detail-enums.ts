// Enum values of the conversation detail event bodies, as the Genesys topic schemas list them. The schemas'
// `UNKNOWN` placeholder is left out on purpose: a body that carries it is classified `unknown_values`, which
// is what it is. The lists lag the service, which is why every field that uses them is an open enum.

/**
 * Media types of a conversation detail event.
 *
 * @example
 * ```ts
 * MEDIA_TYPES.includes('VOICE'); // true
 * ```
 */
export const MEDIA_TYPES = [
  'VOICE',
  'CHAT',
  'EMAIL',
  'CALLBACK',
  'COBROWSE',
  'VIDEO',
  'SCREENSHARE',
  'MESSAGE',
  'INTERNALMESSAGE',
] as const;

/**
 * Directions of a conversation detail event.
 *
 * @example
 * ```ts
 * DIRECTIONS; // ['INBOUND', 'OUTBOUND']
 * ```
 */
export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

/**
 * Message types of a `MESSAGE` conversation.
 *
 * @example
 * ```ts
 * MESSAGE_TYPES.includes('WHATSAPP'); // true
 * ```
 */
export const MESSAGE_TYPES = [
  'SMS',
  'TWITTER',
  'FACEBOOK',
  'LINE',
  'WHATSAPP',
  'WEBMESSAGING',
  'OPEN',
  'INSTAGRAM',
  'APPLE',
  'LINKEDIN',
] as const;

/**
 * How a participant's session ended (`customer.end`, `user.end`, `acd.end`, `voicemail.end`).
 *
 * @example
 * ```ts
 * DISCONNECT_TYPES.includes('PEER'); // true
 * ```
 */
export const DISCONNECT_TYPES = [
  'ENDPOINT',
  'CLIENT',
  'SYSTEM',
  'TRANSFER',
  'ERROR',
  'PEER',
  'OTHER',
  'SPAM',
  'TIMEOUT',
  'TRANSPORT_FAILURE',
  'CONFERENCE_TRANSFER',
  'CONSULT_TRANSFER',
  'FORWARD_TRANSFER',
  'NO_ANSWER_TRANSFER',
  'NOT_AVAILABLE_TRANSFER',
  'UNCALLABLE',
  'DND_ENDPOINT',
  'DND_TRANSFER',
  'INACTIVITY',
  'SESSION_EXPIRED',
  'TAKEOVER',
] as const;

/**
 * How a conversation left the queue (`acd.end`).
 *
 * @example
 * ```ts
 * ACD_OUTCOMES; // ['ABANDON', 'ANSWERED', 'FLOW_OUT']
 * ```
 */
export const ACD_OUTCOMES = ['ABANDON', 'ANSWERED', 'FLOW_OUT'] as const;

/**
 * Architect flow types (`flow.start`, `flow.end`, `flow.outcome`).
 *
 * @example
 * ```ts
 * FLOW_TYPES.includes('INBOUNDCALL'); // true
 * ```
 */
export const FLOW_TYPES = [
  'INBOUNDCALL',
  'OUTBOUNDCALL',
  'INQUEUECALL',
  'SECURECALL',
  'INBOUNDEMAIL',
  'SURVEYINVITE',
  'INBOUNDSHORTMESSAGE',
  'INBOUNDCHAT',
  'WORKFLOW',
  'BOT',
  'DIGITALBOT',
  'COMMONMODULE',
  'INQUEUEEMAIL',
  'INQUEUESHORTMESSAGE',
  'VOICE',
  'VOICEMAIL',
  'WORKITEM',
  'VOICESURVEY',
] as const;

/**
 * Why a flow ended (`flow.start`, `flow.end`).
 *
 * @example
 * ```ts
 * FLOW_EXIT_REASONS.includes('TRANSFER'); // true
 * ```
 */
export const FLOW_EXIT_REASONS = [
  'DISCONNECT',
  'FLOW_DISCONNECT',
  'FLOW_ERROR_DISCONNECT',
  'TRANSFER',
  'SESSION_EXPIRE_DISCONNECT',
  'RECOGNITION_FAILURE_DISCONNECT',
  'RECOGNITION_FAILURE_EXIT',
  'USER_EXIT',
  'FLOW_EXIT',
  'FLOW_ERROR_EXIT',
] as const;

/**
 * The value of a flow outcome (`flow.outcome`).
 *
 * @example
 * ```ts
 * FLOW_OUTCOME_VALUES; // ['SUCCESS', 'FAILURE']
 * ```
 */
export const FLOW_OUTCOME_VALUES = ['SUCCESS', 'FAILURE'] as const;
