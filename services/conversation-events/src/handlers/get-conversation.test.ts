import { startTestIssuer } from '@genesys-events/consumer-kit/testing';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { TimelineEntry } from '../model/timeline-entry';
import { CONVERSATION_ID, inMemoryTable, timelineEntry } from '../test-support/app-bus-events';

// The handler module reads its configuration and creates its DynamoDB client when it is imported.
process.env.CONVERSATION_EVENTS_TABLE_NAME = 'genesys-events-test-conversation-events';
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_DEV = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const issuer = await startTestIssuer();
afterAll(() => issuer.close());

const { handler, lambdaHandler } = await import('./get-conversation');

const tableWith = async (entries: TimelineEntry[]) => {
  const table = inMemoryTable();
  for (const entry of entries) await table.putOnce(entry);
  return table;
};

const bodyOf = (response: { body?: string | undefined }) => JSON.parse(response.body ?? 'null');

const created = timelineEntry({
  eventKey: '1'.repeat(64),
  topic: 'conversation:created',
  eventTime: '2025-03-14T09:26:53.589Z',
  body: { eventType: 'conversation:created', conversation: { id: CONVERSATION_ID, type: 'call' } },
});
const customerStart = timelineEntry({
  eventKey: '2'.repeat(64),
  topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`,
  detailType: 'v2.detail.events.conversation.{id}.customer.start',
  eventTime: '2025-03-14T09:26:54.100Z',
  transport: 'eventbridge-partner',
  receivedAt: '2025-03-14T09:26:55Z',
  correlationId: '5d6e7f80-9a1b-4c2d-8e3f-405162738495',
  body: { conversationId: CONVERSATION_ID, mediaType: 'VOICE', direction: 'INBOUND' },
});
const customerEnd = timelineEntry({
  eventKey: '0'.repeat(64),
  topic: `v2.detail.events.conversation.${CONVERSATION_ID}.customer.end`,
  detailType: 'v2.detail.events.conversation.{id}.customer.end',
  eventTime: '2025-03-14T09:31:00.000Z',
  transport: 'eventbridge-partner',
  body: { conversationId: CONVERSATION_ID, mediaType: 'VOICE', direction: 'INBOUND' },
});

describe('get-conversation lambdaHandler', () => {
  it('answers 404 for a conversation no event names', async () => {
    const table = await tableWith([created]);

    const response = await lambdaHandler({ pathParameters: { conversationId: 'unknown-conversation' } }, { table });

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toMatchObject({ error: 'not_found' });
  });

  it.each([
    ['no path parameters', undefined],
    ['no conversation id', {}],
    ['an empty conversation id', { conversationId: '' }],
    ['a conversation id over 256 characters', { conversationId: 'c'.repeat(257) }],
  ])('answers 400 for %s', async (_, pathParameters) => {
    const table = await tableWith([created]);

    const response = await lambdaHandler(pathParameters === undefined ? {} : { pathParameters }, { table });

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'bad_request' });
  });

  it('answers with the state and the events ordered by event time, without their keys', async () => {
    const table = await tableWith([customerEnd, created, customerStart]);

    const response = await lambdaHandler({ pathParameters: { conversationId: CONVERSATION_ID } }, { table });

    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    const body = bodyOf(response);
    expect(body.conversationId).toBe(CONVERSATION_ID);
    expect(body.state).toMatchObject({
      status: 'ended',
      mediaType: 'VOICE',
      type: 'call',
      direction: 'INBOUND',
      firstEventTime: '2025-03-14T09:26:53.589Z',
      lastEventTime: '2025-03-14T09:31:00.000Z',
      eventCount: 3,
    });
    expect(body.events.map((event: { eventTime: string }) => event.eventTime)).toEqual([
      '2025-03-14T09:26:53.589Z',
      '2025-03-14T09:26:54.100Z',
      '2025-03-14T09:31:00.000Z',
    ]);
    for (const event of body.events) {
      expect(event).not.toHaveProperty('eventKey');
      expect(event).not.toHaveProperty('conversationId');
    }
    const { conversationId: _id, eventKey: _key, ...served } = customerStart;
    expect(body.events[1]).toEqual(served);
  });

  it('serves only the events of the requested conversation', async () => {
    const other = timelineEntry({ conversationId: 'another-conversation', eventKey: '9'.repeat(64) });
    const table = await tableWith([created, other]);

    const response = await lambdaHandler({ pathParameters: { conversationId: CONVERSATION_ID } }, { table });

    expect(bodyOf(response).events).toHaveLength(1);
  });
});

describe('get-conversation handler', () => {
  const getWith = (headers: Record<string, string>) =>
    handler({ pathParameters: { conversationId: 'c'.repeat(300) }, headers } as never, lambdaContext());

  it('answers 401 with the JSON error body and a Bearer challenge without a token', async () => {
    const response = await getWith({});

    expect(response.statusCode).toBe(401);
    expect(bodyOf(response)).toEqual({ error: 'unauthorized', message: 'a valid bearer access token is required' });
    expect(response.headers?.['WWW-Authenticate']).toBe('Bearer realm="genesys-events"');
  });

  it('answers 401 invalid_token to a token of another issuer', async () => {
    const other = await startTestIssuer();
    const foreign = await other.token('conversations:read');
    await other.close();
    process.env.OIDC_ISSUER_URL = issuer.issuer;

    const response = await getWith({ authorization: `Bearer ${foreign}` });

    expect(response.statusCode).toBe(401);
    expect(response.headers?.['WWW-Authenticate']).toContain('error="invalid_token"');
  });

  it('answers 403 to a token without conversations:read, and lets a token with it through', async () => {
    const wrongScope = await getWith({ authorization: `Bearer ${await issuer.token('analytics:read')}` });
    const allowed = await getWith({ authorization: `Bearer ${await issuer.token('conversations:read')}` });

    expect(wrongScope.statusCode).toBe(403);
    expect(allowed.statusCode).toBe(400);
  });
});
