/**
 * Realistic webhook bodies for tests: seed events, Genesys notifications and EventBridge envelopes.
 * Every builder returns a fresh object, so a test may change its copy without affecting others.
 */

export const ORG_ID = '3b9a5c1e-8d27-4f60-a1c4-92e7d05b6f38';
export const CONVERSATION_ID = 'c41f7e2a-95b3-4d08-8e6c-1a2b3c4d5e6f';
export const PARTICIPANT_ID = '8e2d4c6a-1f3b-4a5c-9d7e-0b1c2d3e4f5a';
export const SESSION_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
export const CORRELATION_ID = '5d6e7f80-9a1b-4c2d-8e3f-405162738495';
export const ENVELOPE_ID = 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d';
export const USER_ID = '2c4e6a8b-0d1f-4e3a-b5c7-d9e1f3a5b7c9';
/** 2025-03-14T09:26:53.589Z */
export const EVENT_TIME_MS = 1741944413589;
export const PARTNER_SOURCE = `aws.partner/genesys.com/cloud/${ORG_ID}/genesys-events-dev`;

/** A seed conversation event (`conversation:created` unless told otherwise). */
export const seedConversationEvent = (
  overrides: Record<string, unknown> = {},
  eventType: 'conversation:created' | 'conversation:updated' = 'conversation:created',
): Record<string, unknown> => ({
  eventType,
  conversation: { id: CONVERSATION_ID, type: 'call', direction: 'inbound', queue: 'Tier 1 Support' },
  timestamp: '2025-03-14T09:26:53.589Z',
  ...overrides,
});

/** A seed event of a type the gateway does not know. */
export const seedUnknownEvent = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventType: 'agent:status_changed',
  agent: { id: USER_ID, status: 'on_queue' },
  timestamp: '2025-03-14T09:30:00.000Z',
  ...overrides,
});

/** The `eventBody` of a conversation detail `customer.start` event. */
export const customerStartBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventTime: EVENT_TIME_MS,
  conversationId: CONVERSATION_ID,
  participantId: PARTICIPANT_ID,
  sessionId: SESSION_ID,
  mediaType: 'VOICE',
  direction: 'INBOUND',
  provider: 'Edge',
  ani: 'tel:+14155550123',
  dnis: 'tel:+18005550199',
  ...overrides,
});

/** A bare Genesys notification for `v2.detail.events.conversation.{id}.customer.start`. */
export const customerStartNotification = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
  version: '2',
  eventBody: customerStartBody(),
  metadata: { CorrelationId: CORRELATION_ID },
  timestamp: '2025-03-14T09:26:53.612Z',
  ...overrides,
});

/** A Genesys EventBridge envelope as the partner event source delivers it, wrapping a notification. */
export const genesysEnvelope = (
  overrides: Record<string, unknown> = {},
  detail: Record<string, unknown> = customerStartNotification(),
): Record<string, unknown> => ({
  version: '0',
  id: ENVELOPE_ID,
  'detail-type': 'v2.detail.events.conversation.{id}.customer.start',
  source: PARTNER_SOURCE,
  account: '123456789012',
  time: '2025-03-14T09:26:53Z',
  region: 'eu-west-1',
  resources: [],
  detail,
  ...overrides,
});

/** The seed `call.analysis.completed` envelope. */
export const callAnalysisEnvelope = (detailOverrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: '0',
  id: '0f1e2d3c-4b5a-4697-8877-665544332211',
  'detail-type': 'call.analysis.completed',
  source: 'genesys.cloud',
  account: '123456789012',
  time: '2025-03-14T09:41:07Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    interactionId: CONVERSATION_ID,
    transcript: 'Agent: Thank you for calling, how can I help? Customer: My order has not arrived.',
    sentiment: 'negative',
    ...detailOverrides,
  },
});

/** An envelope whose detail the gateway does not recognise. */
export const unknownEnvelope = (): Record<string, unknown> => ({
  version: '0',
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  'detail-type': 'billing.invoice.issued',
  source: 'billing.service',
  time: '2025-03-14T10:00:00Z',
  resources: [],
  detail: { invoiceId: 'INV-2025-00417', amount: 129.5, currency: 'EUR' },
});

/** A transcription notification (`v2.conversations.{id}.transcription`), whose eventTime is an ISO string. */
export const transcriptionNotification = (): Record<string, unknown> => ({
  topicName: `v2.conversations.${CONVERSATION_ID}.transcription`,
  version: '2',
  eventBody: {
    eventTime: '2025-03-14T09:27:10.250Z',
    organizationId: ORG_ID,
    communicationId: SESSION_ID,
    transcripts: [{ utteranceId: 'u-1', channel: 'EXTERNAL', alternatives: [{ transcript: 'my order is late' }] }],
  },
  metadata: { CorrelationId: '6e7f8091-a2b3-4c4d-9e5f-60718293a4b5' },
  timestamp: '2025-03-14T09:27:10.300Z',
});

/** A user presence notification (`v2.users.{id}.presence`), which belongs to no conversation. */
export const presenceNotification = (): Record<string, unknown> => ({
  topicName: `v2.users.${USER_ID}.presence`,
  version: '2',
  eventBody: {
    source: 'PURECLOUD',
    presenceDefinition: { id: 'e08eaf1b-ee47-4fa9-a231-1200e284798f', systemPresence: 'On Queue' },
    modifiedDate: '2025-03-14T09:20:00.000Z',
  },
  metadata: { CorrelationId: '7f8091a2-b3c4-4d5e-8f60-718293a4b5c6' },
});
