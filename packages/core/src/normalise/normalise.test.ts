import { describe, expect, it } from '@jest/globals';
import { APP_BUS_SOURCE, appBusDetailSchema, type GatewayInfo } from '../app-bus/app-bus-event';
import {
  CONVERSATION_ID,
  callAnalysisEnvelope,
  customerStartNotification,
  genesysEnvelope,
  PARTNER_SOURCE,
  presenceNotification,
  seedConversationEvent,
  seedUnknownEvent,
  transcriptionNotification,
  unknownEnvelope,
} from '../recognise/fixtures/webhook-bodies';
import { recogniseEvent } from '../recognise/recognise';
import { recognisedContentKey, toAppBusEvent } from './normalise';

const GATEWAY: GatewayInfo = {
  transport: 'genesys-header',
  scheme: 'seed-header',
  receivedAt: '2025-03-14T09:26:54.001Z',
  deliveryId: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
};

const normalise = (value: unknown, gateway: GatewayInfo = GATEWAY) =>
  toAppBusEvent(recogniseEvent(JSON.stringify(value)), gateway);

describe('toAppBusEvent', () => {
  it.each([
    ['a seed conversation event', seedConversationEvent()],
    ['a seed event of an unknown type', seedUnknownEvent()],
    ['a bare notification', customerStartNotification()],
    ['an enveloped notification', genesysEnvelope()],
    ['a call analysis envelope', callAnalysisEnvelope()],
    ['an unknown envelope', unknownEnvelope()],
  ])('puts %s on the bus under the webhook source with a valid detail', (_, value) => {
    const event = normalise(value);

    expect(event.source).toBe(APP_BUS_SOURCE);
    expect(event.source).toBe('genesys-events.webhooks');
    expect(appBusDetailSchema.safeParse(event.detail).success).toBe(true);
  });

  it('uses the event type of a seed conversation event as detail-type and topic', () => {
    const seed = seedConversationEvent({}, 'conversation:updated');

    const event = normalise(seed);

    expect(event).toEqual({
      source: 'genesys-events.webhooks',
      detailType: 'conversation:updated',
      detail: {
        topicName: 'conversation:updated',
        version: 'seed',
        eventBody: seed,
        metadata: {},
        timestamp: seed.timestamp,
        gateway: GATEWAY,
      },
    });
  });

  it('falls back to the time of receipt for a seed event without a timestamp', () => {
    const seed = seedConversationEvent({ timestamp: undefined });

    const event = normalise(seed);

    expect(event.detail.timestamp).toBe(GATEWAY.receivedAt);
  });

  it('uses the event type of an unknown seed event as detail-type', () => {
    const event = normalise(seedUnknownEvent());

    expect(event.detailType).toBe('agent:status_changed');
    expect(event.detail.topicName).toBe('agent:status_changed');
    expect(event.detail.gateway).toEqual(GATEWAY);
  });

  it('uses the topic pattern of a bare notification as detail-type', () => {
    const notification = customerStartNotification();

    const event = normalise(notification);

    expect(event.detailType).toBe('v2.detail.events.conversation.{id}.customer.start');
    expect(event.detail).toEqual({ ...notification, gateway: GATEWAY });
  });

  it.each([
    [transcriptionNotification(), 'v2.conversations.{id}.transcription'],
    [presenceNotification(), 'v2.users.{id}.presence'],
  ])('uses the topic pattern as detail-type for %#', (notification, detailType) => {
    expect(normalise(notification).detailType).toBe(detailType);
  });

  it('keeps the concrete topic name in the detail of a notification', () => {
    const event = normalise(customerStartNotification());

    expect(event.detail.topicName).toBe(`v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`);
  });

  it('unwraps an enveloped notification and records where it came from', () => {
    const event = normalise(genesysEnvelope());

    expect(event).toEqual({
      source: 'genesys-events.webhooks',
      detailType: 'v2.detail.events.conversation.{id}.customer.start',
      detail: { ...customerStartNotification(), gateway: { ...GATEWAY, originalSource: PARTNER_SOURCE } },
    });
  });

  it('turns the call analysis envelope into a notification-shaped detail', () => {
    const envelope = callAnalysisEnvelope();

    const event = normalise(envelope);

    expect(event).toEqual({
      source: 'genesys-events.webhooks',
      detailType: 'call.analysis.completed',
      detail: {
        topicName: 'call.analysis.completed',
        version: '0',
        eventBody: envelope.detail,
        metadata: {},
        timestamp: envelope.time,
        gateway: { ...GATEWAY, originalSource: 'genesys.cloud' },
      },
    });
  });

  it('passes an unknown envelope on under its own detail-type', () => {
    const envelope = unknownEnvelope();

    const event = normalise(envelope);

    expect(event.detailType).toBe('billing.invoice.issued');
    expect(event.detail.topicName).toBe('billing.invoice.issued');
    expect(event.detail.eventBody).toEqual(envelope.detail);
    expect(event.detail.gateway).toEqual({ ...GATEWAY, originalSource: 'billing.service' });
  });

  it('leaves out the timestamp of an envelope without a time', () => {
    const { time: _time, ...envelope } = unknownEnvelope();

    const event = normalise(envelope);

    expect(event.detail).not.toHaveProperty('timestamp');
  });

  it('keeps the gateway exactly as given when there was no envelope', () => {
    const gateway: GatewayInfo = {
      transport: 'genesys-form',
      scheme: 'seed-form',
      receivedAt: '2025-03-14T09:00:00.000Z',
    };

    const event = normalise(seedConversationEvent(), gateway);

    expect(event.detail.gateway).toEqual(gateway);
    expect(event.detail.gateway).not.toHaveProperty('originalSource');
  });

  it('does not change the gateway object it was given', () => {
    const gateway: GatewayInfo = { ...GATEWAY };

    normalise(genesysEnvelope(), gateway);

    expect(gateway).toEqual(GATEWAY);
  });
});

describe('recognisedContentKey', () => {
  const keyOf = (text: string) => recognisedContentKey(recogniseEvent(text));

  it('is the same for the same event whatever its key order and whitespace', () => {
    const event = seedConversationEvent();
    const reordered = Object.fromEntries(Object.entries(event).reverse());

    expect(keyOf(JSON.stringify(event))).toBe(keyOf(JSON.stringify(reordered, null, 2)));
  });

  it('differs when the event says something else', () => {
    const event = seedConversationEvent();

    expect(keyOf(JSON.stringify(event))).not.toBe(
      keyOf(JSON.stringify({ ...event, eventType: 'conversation:updated' })),
    );
  });
});
