import { randomUUID } from 'node:crypto';
import { hexSignature, openMessagingSignature, signOpenMessaging } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { openMessage } from './fixtures/genesys-envelopes';
import { read, request, settle, waitForConversation } from './http-client';
import { DEV_OPEN_MESSAGING_SECRETS } from './local-system';

const post = (body: string, signature?: string) =>
  request('/webhooks/open-messaging', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
    },
    body,
  });

describe('POST /webhooks/open-messaging through the real local stack', () => {
  it('accepts a message signed as Genesys signs it and puts it on its conversation timeline', async () => {
    const conversationId = randomUUID();
    const signed = signOpenMessaging({
      body: JSON.stringify(openMessage(conversationId)),
      secret: DEV_OPEN_MESSAGING_SECRETS.current,
    });

    const answer = await post(signed.body, signed.headers['x-hub-signature-256']);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'accepted', detailType: 'open-messaging.message' });
    const conversation = await waitForConversation(conversationId);
    expect(conversation.json.events).toMatchObject([{ topic: 'open-messaging.message', transport: 'open-messaging' }]);
  });

  it('verifies the exact bytes: a pretty-printed body signed as sent is accepted', async () => {
    const body = JSON.stringify(openMessage(), null, 2);

    const answer = await post(body, openMessagingSignature(DEV_OPEN_MESSAGING_SECRETS.previous, body));

    expect(answer.status).toBe(200);
  });

  it('answers a retried message (same id and channel time) as a duplicate and publishes it once', async () => {
    const conversationId = randomUUID();
    const body = JSON.stringify(openMessage(conversationId));
    const signature = openMessagingSignature(DEV_OPEN_MESSAGING_SECRETS.current, body);

    const first = await post(body, signature);
    const retry = await post(body, signature);
    await waitForConversation(conversationId);
    await settle();

    expect(first.json.status).toBe('accepted');
    expect(retry.json).toMatchObject({ status: 'duplicate', eventId: first.json.eventId });
    expect((await read(`/conversations/${conversationId}`)).json.events).toHaveLength(1);
  });

  it('publishes an edited message (same id and channel time, other text) rather than drop it as a duplicate', async () => {
    const conversationId = randomUUID();
    const message = openMessage(conversationId);
    const edited = { ...message, text: 'Thanks for waiting: an agent will call you back within the hour.' };
    const sign = (body: string) => openMessagingSignature(DEV_OPEN_MESSAGING_SECRETS.current, body);
    const [firstBody, editedBody] = [JSON.stringify(message), JSON.stringify(edited)];

    const answers = [await post(firstBody, sign(firstBody)), await post(editedBody, sign(editedBody))];
    const conversation = await waitForConversation(conversationId, 2);

    expect(answers.map((answer) => answer.json.status)).toEqual(['accepted', 'accepted']);
    expect(answers[1]?.json.eventId).not.toBe(answers[0]?.json.eventId);
    expect(conversation.json.events).toHaveLength(2);
  });

  it.each([
    ['a hex digest', (body: string) => `sha256=${hexSignature(DEV_OPEN_MESSAGING_SECRETS.current, body)}`],
    ['no sha256= prefix', (body: string) => openMessagingSignature(DEV_OPEN_MESSAGING_SECRETS.current, body).slice(7)],
    ['a wrong secret', (body: string) => openMessagingSignature('not-the-secret', body)],
    [
      'a re-serialised body',
      (body: string) =>
        openMessagingSignature(DEV_OPEN_MESSAGING_SECRETS.current, JSON.stringify(JSON.parse(body), null, 1)),
    ],
    ['no signature at all', () => undefined],
  ])('refuses a message signed with %s with 401 and stores nothing', async (_, sign) => {
    const conversationId = randomUUID();
    const body = JSON.stringify(openMessage(conversationId));

    const answer = await post(body, sign(body));
    await settle();

    expect(answer.status).toBe(401);
    expect((await read(`/conversations/${conversationId}`)).status).toBe(404);
  });
});
