import { verifyApiKey, verifySignature } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { loadSettings } from '../config/settings';
import { temporaryRoot } from '../test-support/memory-io';
import { prepareRequest, transportForBody, transportForShape } from './transports';

const settings = loadSettings({ env: {}, root: temporaryRoot() });
const BODY = '{"eventType":"conversation:created","conversation":{"id":"c-1"}}\n';

describe('transportForShape', () => {
  it.each([
    [
      {
        'detail-type': 'v2.x',
        source: 'aws.partner/genesys.com/cloud/0c6f2a4e-7b1d-4e38-9a5c-d2e4f6a8b0c1/s',
        detail: {},
      },
      'eventbridge',
    ],
    [{ 'detail-type': 'call.analysis.completed', source: 'genesys.cloud', detail: {} }, 'genesys-header'],
    [{ 'detail-type': 'v2.x', source: 'aws.partner/genesys.community/cloud/o/s', detail: {} }, 'genesys-header'],
    [{ 'detail-type': 'billing', source: 'billing.service', detail: {} }, 'genesys-header'],
    [{ topicName: 'v2.users.u.presence', eventBody: {} }, 'genesys-header'],
    [{ eventType: 'conversation:created', conversation: { id: 'c' } }, 'genesys-header'],
    [{ id: 'm-1', channel: { time: '2026-01-01T00:00:00.000Z' } }, 'open-messaging'],
    [{ anything: 'else' }, 'genesys-header'],
    [[1, 2], 'genesys-header'],
  ])('routes %j to %s', (value, transport) => {
    expect(transportForShape(value)).toBe(transport);
  });

  it('refuses text that is not JSON', () => {
    expect(() => transportForBody('{"topicName":')).toThrow('not valid JSON');
  });
});

describe('prepareRequest', () => {
  it('signs the seed header scheme with the first secret, over the exact bytes', () => {
    const request = prepareRequest({ transport: 'genesys-header', body: BODY, settings, deliveryId: 'd-1' });

    expect(request.path).toBe('/webhooks/genesys');
    expect(request.headers['x-genesys-delivery-id']).toBe('d-1');
    const verified = verifySignature({
      scheme: 'seed-header',
      body: { body: request.body },
      headers: request.headers,
      secrets: settings.genesysSecrets,
    });
    expect(verified.matchedSecretIndex).toBe(0);
    expect(request.body).toBe(BODY);
  });

  it('builds a seed form whose webhook field verifies', () => {
    const request = prepareRequest({ transport: 'genesys-form', body: BODY, settings, deliveryId: 'd-2' });

    const verified = verifySignature({
      scheme: 'seed-form',
      body: { body: request.body },
      headers: request.headers,
      secrets: settings.genesysSecrets,
    });
    expect(verified.payload).toBe(BODY);
    expect(request.headers['x-genesys-delivery-id']).toBe('d-2');
  });

  it('signs Open Messaging with sha256= and base64', () => {
    const request = prepareRequest({ transport: 'open-messaging', body: BODY, settings });

    expect(request.headers['x-hub-signature-256']).toMatch(/^sha256=[A-Za-z0-9+/]{43}=$/);
    expect(() =>
      verifySignature({
        scheme: 'open-messaging',
        body: { body: BODY },
        headers: request.headers,
        secrets: settings.openMessagingSecrets,
      }),
    ).not.toThrow();
  });

  it('sends the API key in the configured header on the EventBridge route', () => {
    const request = prepareRequest({ transport: 'eventbridge', body: BODY, settings });

    expect(request.path).toBe('/webhooks/eventbridge');
    expect(verifyApiKey({ headers: request.headers, keys: settings.apiKeys }).matchedKeyIndex).toBe(0);
  });

  it('uses --secret and --api-key over the configured lists', () => {
    const credentials = { secret: 'given-secret', apiKey: 'given-key' };
    const signed = prepareRequest({ transport: 'genesys-header', body: BODY, settings, credentials });
    const keyed = prepareRequest({ transport: 'eventbridge', body: BODY, settings, credentials });

    expect(() =>
      verifySignature({
        scheme: 'seed-header',
        body: { body: BODY },
        headers: signed.headers,
        secrets: ['given-secret'],
      }),
    ).not.toThrow();
    expect(keyed.headers['x-api-key']).toBe('given-key');
  });

  it('says what to set when no secret is configured', () => {
    const empty = loadSettings({ env: {}, root: '/nonexistent-root' });

    expect(() => prepareRequest({ transport: 'eventbridge', body: BODY, settings: empty })).toThrow(
      'set EVENTBRIDGE_API_KEYS or pass --api-key',
    );
  });
});
