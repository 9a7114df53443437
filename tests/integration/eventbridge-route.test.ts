import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { audit, conversationDetail, envelope, flowOutcome, transcription } from './fixtures/genesys-envelopes';
import { read, request, settle, waitForConversation } from './http-client';
import { DEV_EVENTBRIDGE_API_KEYS } from './local-system';

const post = (body: unknown, headers: Record<string, string> = { 'x-api-key': DEV_EVENTBRIDGE_API_KEYS.current }) =>
  request('/webhooks/eventbridge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /webhooks/eventbridge (EventBridge API destination) through the real local stack', () => {
  it('accepts every Genesys EventBridge shape with a valid key', async () => {
    const conversationId = randomUUID();
    const shapes = [
      conversationDetail(conversationId, 'customer.start', Date.now() - 5000),
      audit(),
      transcription(conversationId, 'I would like to change my delivery address'),
      flowOutcome(conversationId, Date.now() - 4000),
    ];

    const answers = await Promise.all(shapes.map((shape) => post(shape)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((answer) => answer.json.detailType)).toEqual(shapes.map((shape) => shape['detail-type']));
  });

  it('puts conversation detail events on the timeline of their conversation, in event-time order', async () => {
    const conversationId = randomUUID();
    const start = Date.parse('2026-02-01T09:00:00.000Z');
    const end = conversationDetail(conversationId, 'customer.end', start + 120_000, {
      disconnectType: 'CLIENT',
      interactingDurationMs: 118_000,
    });
    const begin = conversationDetail(conversationId, 'customer.start', start);

    // The end arrives first: the state must be the same as in arrival order.
    expect((await post(end)).status).toBe(200);
    expect((await post(begin)).status).toBe(200);
    const conversation = await waitForConversation(conversationId, 2);

    expect(conversation.json.events).toMatchObject([
      {
        topic: `v2.detail.events.conversation.${conversationId}.customer.start`,
        eventTime: '2026-02-01T09:00:00.000Z',
        transport: 'eventbridge-api',
      },
      {
        topic: `v2.detail.events.conversation.${conversationId}.customer.end`,
        eventTime: '2026-02-01T09:02:00.000Z',
        transport: 'eventbridge-api',
      },
    ]);
    expect(conversation.json.state).toMatchObject({ status: 'ended', mediaType: 'VOICE', direction: 'INBOUND' });
  });

  it('stores an envelope resent with a new envelope id once', async () => {
    const conversationId = randomUUID();
    const first = conversationDetail(conversationId, 'customer.start', Date.now());
    const resend = { ...first, id: randomUUID(), time: new Date(Date.now() + 60_000).toISOString() };

    await post(first);
    await post(resend);
    await waitForConversation(conversationId);
    await settle();

    expect((await read(`/conversations/${conversationId}`)).json.events).toHaveLength(1);
  });

  it('accepts the previous API key while it is still in the list, in a header of any case', async () => {
    const answer = await post(conversationDetail(randomUUID(), 'customer.start', Date.now()), {
      'X-API-KEY': DEV_EVENTBRIDGE_API_KEYS.previous,
    });

    expect(answer.status).toBe(200);
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { 'x-api-key': 'not-the-key' }],
    ['a key with different case', { 'x-api-key': DEV_EVENTBRIDGE_API_KEYS.current.toUpperCase() }],
  ])('refuses %s with 401 and stores nothing', async (_, headers) => {
    const conversationId = randomUUID();

    const answer = await post(conversationDetail(conversationId, 'customer.start', Date.now()), headers);
    await settle();

    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain(DEV_EVENTBRIDGE_API_KEYS.current);
    expect((await read(`/conversations/${conversationId}`)).status).toBe(404);
  });

  it.each([
    ['a bare notification', conversationDetail(randomUUID(), 'customer.start', Date.now()).detail],
    ['a seed event', { eventType: 'conversation:created', conversation: { id: randomUUID() } }],
    ['a JSON array', [1, 2, 3]],
    ['broken JSON', '{"detail-type": '],
  ])('answers 400 to %s, which is not an envelope', async (_, body) => {
    expect((await post(body)).status).toBe(400);
  });

  it('refuses an envelope whose source is not a Genesys partner source', async () => {
    const conversationId = randomUUID();
    const foreign = envelope(
      `v2.detail.events.conversation.${conversationId}.customer.start`,
      'v2.detail.events.conversation.{id}.customer.start',
      { conversationId, eventTime: Date.now() },
      'com.example.not-genesys',
    );

    const answer = await post(foreign);
    await settle();

    expect(answer.status).toBe(403);
    expect((await read(`/conversations/${conversationId}`)).status).toBe(404);
  });
});
