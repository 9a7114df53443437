import { randomUUID } from 'node:crypto';
import { hexSignature, signSeedForm, signSeedHeader } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { read, request, seedConversationEvent, settle, waitForConversation } from './http-client';
import { DEV_SECRETS } from './local-system';
import { systemLogLines, waitForLog } from './system-log';

const WEBHOOK_PATH = '/webhooks/genesys';

const post = (signed: { body: string; headers: Record<string, string> }) =>
  request(WEBHOOK_PATH, { method: 'POST', body: signed.body, headers: signed.headers });

describe('POST /webhooks/genesys through the real local stack', () => {
  it('accepts a signed seed form webhook and the event appears at GET /conversations/{id}', async () => {
    const event = seedConversationEvent('conversation:created');
    const answer = await post(signSeedForm({ webhook: JSON.stringify(event), secret: DEV_SECRETS.current }));

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'accepted', detailType: 'conversation:created' });
    const conversation = await waitForConversation(event.conversation.id);
    expect(conversation.status).toBe(200);
    expect(conversation.json).toMatchObject({
      conversationId: event.conversation.id,
      state: { status: 'active', type: 'call', eventCount: 1 },
      events: [{ topic: 'conversation:created', transport: 'genesys-form' }],
    });
  });

  it('accepts a seed form webhook whose signature comes in X-Genesys-Webhook-Signature', async () => {
    const event = seedConversationEvent('conversation:created');
    const signed = signSeedForm({ webhook: JSON.stringify(event), secret: DEV_SECRETS.current, signatureIn: 'header' });

    const answer = await post(signed);

    expect(answer.status).toBe(200);
    expect((await waitForConversation(event.conversation.id)).status).toBe(200);
  });

  it('accepts a signed seed header webhook and keeps both events of one conversation in time order', async () => {
    const conversationId = randomUUID();
    const created = {
      ...seedConversationEvent('conversation:created', conversationId),
      timestamp: '2026-01-01T10:00:00.000Z',
    };
    const updated = {
      ...seedConversationEvent('conversation:updated', conversationId),
      timestamp: '2026-01-01T10:05:00.000Z',
    };

    // Sent newest first: the timeline must still come back in event-time order.
    const first = await post(signSeedHeader({ body: JSON.stringify(updated), secret: DEV_SECRETS.current }));
    const second = await post(signSeedHeader({ body: JSON.stringify(created), secret: DEV_SECRETS.current }));

    expect([first.status, second.status]).toEqual([200, 200]);
    const conversation = await waitForConversation(conversationId, 2);
    expect(conversation.json.events).toMatchObject([
      { topic: 'conversation:created', transport: 'genesys-header', eventTime: '2026-01-01T10:00:00.000Z' },
      { topic: 'conversation:updated', transport: 'genesys-header', eventTime: '2026-01-01T10:05:00.000Z' },
    ]);
    expect(conversation.json.state).toMatchObject({
      firstEventTime: '2026-01-01T10:00:00.000Z',
      lastEventTime: '2026-01-01T10:05:00.000Z',
      eventCount: 2,
    });
  });

  it('accepts a webhook signed with the previous secret while it is still in the list', async () => {
    const event = seedConversationEvent('conversation:created');

    const answer = await post(signSeedForm({ webhook: JSON.stringify(event), secret: DEV_SECRETS.previous }));

    expect(answer.status).toBe(200);
    expect((await waitForConversation(event.conversation.id)).status).toBe(200);
  });

  it('rejects a wrong signature with 401 and stores nothing', async () => {
    const event = seedConversationEvent('conversation:created');
    const body = JSON.stringify(event);
    const forged = signSeedHeader({ body, secret: 'not-the-secret' });

    const answer = await post(forged);
    await settle();

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: 'unauthorized', message: 'signature verification failed' });
    expect(answer.text).not.toContain(forged.headers['x-genesys-signature'] as string);
    expect((await read(`/conversations/${event.conversation.id}`)).status).toBe(404);
  });

  it('answers a redelivery with the same X-Genesys-Delivery-Id as a duplicate and stores the event once', async () => {
    const event = seedConversationEvent('conversation:created');
    const signed = signSeedHeader({
      body: JSON.stringify(event),
      secret: DEV_SECRETS.current,
      deliveryId: randomUUID(),
    });

    const first = await post(signed);
    const second = await post(signed);
    const conversation = await waitForConversation(event.conversation.id);
    await settle();
    const after = await read(`/conversations/${event.conversation.id}`);

    expect(first.json).toMatchObject({ status: 'accepted' });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ status: 'duplicate', eventId: first.json.eventId });
    expect(conversation.status).toBe(200);
    expect(after.json.events).toHaveLength(1);
  });

  it('counts and logs a redelivery answered duplicate, like any other answer', async () => {
    const deliveryId = randomUUID();
    const signed = signSeedHeader({
      body: JSON.stringify(seedConversationEvent('conversation:created')),
      secret: DEV_SECRETS.current,
      deliveryId,
    });
    await post(signed);
    const isDuplicateMetric = (line: Record<string, unknown>) =>
      line.WebhookDuplicate === 1 && line.route === 'genesys';
    const countedBefore = systemLogLines().filter(isDuplicateMetric).length;

    const second = await post(signed);
    const answered = (line: Record<string, unknown>) =>
      line.message === 'webhook answered' && line.deliveryId === deliveryId && line.outcome === 'duplicate';
    const lines = await waitForLog((now) => now.some(answered) && now.filter(isDuplicateMetric).length > countedBefore);

    expect(second.json).toMatchObject({ status: 'duplicate' });
    expect(lines.filter(answered)).toHaveLength(1);
    expect(lines.filter(isDuplicateMetric).length).toBe(countedBefore + 1);
  });

  it('publishes and stores another event sent with a delivery id already used, and still drops its redelivery', async () => {
    const conversationId = randomUUID();
    const deliveryId = randomUUID();
    const sign = (event: unknown) =>
      signSeedHeader({ body: JSON.stringify(event), secret: DEV_SECRETS.current, deliveryId });
    const created = sign({
      ...seedConversationEvent('conversation:created', conversationId),
      timestamp: '2026-03-01T10:00:00.000Z',
    });
    const updated = sign({
      ...seedConversationEvent('conversation:updated', conversationId),
      timestamp: '2026-03-01T10:01:00.000Z',
    });

    const answers = [await post(created), await post(updated), await post(updated)];
    const conversation = await waitForConversation(conversationId, 2);
    await settle();

    expect(answers.map((answer) => answer.json.status)).toEqual(['accepted', 'accepted', 'duplicate']);
    expect(answers[2]?.json.eventId).toBe(answers[1]?.json.eventId);
    expect((await read(`/conversations/${conversationId}`)).json.events).toHaveLength(2);
    expect(conversation.json.events).toMatchObject([
      { topic: 'conversation:created' },
      { topic: 'conversation:updated' },
    ]);
  });

  it('stores an event resent without a delivery id only once (consumers dedupe on content)', async () => {
    const event = seedConversationEvent('conversation:created');
    const signed = signSeedHeader({ body: JSON.stringify(event), secret: DEV_SECRETS.current });

    await post(signed);
    await post(signed);
    await waitForConversation(event.conversation.id);
    await settle();

    expect((await read(`/conversations/${event.conversation.id}`)).json.events).toHaveLength(1);
  });

  it.each([
    { method: 'GET', contentType: undefined, body: undefined, expected: 405 },
    { method: 'PUT', contentType: 'application/json', body: '{}', expected: 405 },
    { method: 'POST', contentType: 'text/plain', body: 'hello', expected: 415 },
    { method: 'POST', contentType: undefined, body: '{}', expected: 415 },
    { method: 'POST', contentType: 'application/json', body: 'x'.repeat(256 * 1024 + 1), expected: 413 },
  ])(
    'answers $method with content type $contentType and a body of the wrong kind with $expected',
    async ({ method, contentType, body, expected }) => {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};

      const answer = await request(WEBHOOK_PATH, { method, headers, ...(body === undefined ? {} : { body }) });

      expect(answer.status).toBe(expected);
      expect(typeof answer.json.error).toBe('string');
    },
  );

  it('answers 400 for a validly signed form webhook whose JSON is broken', async () => {
    const webhook = '{"eventType": "conversation:created", ';
    const body = new URLSearchParams({ webhook, signature: hexSignature(DEV_SECRETS.current, webhook) }).toString();

    const answer = await request(WEBHOOK_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

    expect(answer.status).toBe(400);
  });

  it('answers 404 for a conversation nobody has sent', async () => {
    expect((await read(`/conversations/${randomUUID()}`)).status).toBe(404);
  });
});
