import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { GatewayInfo } from '../app-bus/app-bus-event';
import { eventContentKey } from '../app-bus/content-key';
import { CONVERSATION_DETAIL_SUFFIXES } from '../catalog/conversation-detail';
import { conversationDetailNotification } from '../catalog/fixtures/conversation-detail';
import { eventTimeOf } from '../consume/event-facts';
import { recogniseEvent } from '../recognise/recognise';
import { toAppBusEvent } from './normalise';

const runs = Number(process.env.FAST_CHECK_RUNS ?? 1000);
const PARTNER_SOURCE = 'aws.partner/genesys.com/cloud/7c1e3a5b-9d2f-4c6e-b8a0-1f3d5b7c9e2a/contact-center';

const gatewayOf = (transport: GatewayInfo['transport'], scheme: string): GatewayInfo => ({
  transport,
  scheme,
  receivedAt: '2026-05-01T12:00:00.000Z',
});

/** A Genesys notification as Genesys sends it: a catalog event with arbitrary extra body fields. */
const notification = fc
  .record({
    suffix: fc.constantFrom(...CONVERSATION_DETAIL_SUFFIXES),
    extra: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__'),
      fc.jsonValue(),
      {
        maxKeys: 4,
      },
    ),
    correlationId: fc.uuid(),
    eventTime: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  })
  .map(({ suffix, extra, correlationId, eventTime }) => {
    const { topicName, eventBody } = conversationDetailNotification(suffix, { ...extra, eventTime });
    return {
      topicName,
      version: '2',
      eventBody,
      metadata: { CorrelationId: correlationId },
      timestamp: new Date(eventTime).toISOString(),
    };
  });

const withoutGateway = (detail: Record<string, unknown>) => {
  const { gateway: _gateway, ...rest } = detail;
  return rest;
};

describe('normalisation across transports', () => {
  it('gives the same detail-type, detail and content key whether a notification came bare, in an envelope over HTTP or re-serialised', () => {
    fc.assert(
      fc.property(notification, fc.uuid(), (sent, envelopeId) => {
        const envelope = {
          version: '0',
          id: envelopeId,
          'detail-type': sent.topicName.replace(/conversation\.[^.]+\./, 'conversation.{id}.'),
          source: PARTNER_SOURCE,
          account: '210987654321',
          time: sent.timestamp.replace(/\.\d{3}Z$/, 'Z'),
          region: 'eu-west-1',
          resources: [],
          detail: sent,
        };

        const viaSeedRoute = toAppBusEvent(
          recogniseEvent(JSON.stringify(sent)),
          gatewayOf('genesys-header', 'seed-header'),
        );
        const viaApiDestination = toAppBusEvent(
          recogniseEvent(JSON.stringify(envelope)),
          gatewayOf('eventbridge-api', 'api-key'),
        );
        const prettyPrinted = toAppBusEvent(
          recogniseEvent(JSON.stringify(sent, null, 2)),
          gatewayOf('genesys-form', 'seed-form'),
        );

        expect(viaApiDestination.detailType).toBe(viaSeedRoute.detailType);
        expect(prettyPrinted.detailType).toBe(viaSeedRoute.detailType);
        expect(withoutGateway(viaApiDestination.detail)).toEqual(withoutGateway(viaSeedRoute.detail));
        expect(withoutGateway(prettyPrinted.detail)).toEqual(withoutGateway(viaSeedRoute.detail));
        expect(eventContentKey(viaApiDestination.detail)).toBe(eventContentKey(viaSeedRoute.detail));
        expect(eventTimeOf(viaApiDestination.detail)).toBe(eventTimeOf(viaSeedRoute.detail));
      }),
      { numRuns: runs },
    );
  });
});
