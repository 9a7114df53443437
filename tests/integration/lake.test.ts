import { randomUUID } from 'node:crypto';
import { signOpenMessaging, signSeedForm, signSeedHeader } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { conversationDetail, openMessage } from './fixtures/genesys-envelopes';
import { type Answer, request } from './http-client';
import { idLiteral, lakeRows } from './lake-client';
import { DEV_EVENTBRIDGE_API_KEYS, DEV_OPEN_MESSAGING_SECRETS, DEV_SECRETS } from './local-system';

/**
 * The lake through the real local stack: whatever a webhook accepts lands in the local lake (Parquet under the
 * test system's own folder) and can be queried through its Athena-compatible endpoint within 5 s.
 */

const QUERYABLE_WITHIN_MS = 5000;

const post = (path: string, headers: Record<string, string>, body: string): Promise<Answer> =>
  request(path, { method: 'POST', headers, body });

const json = { 'content-type': 'application/json' };

/** One event per webhook route and format, each of a conversation of its own. */
const deliveries: [string, (conversationId: string) => Promise<Answer>][] = [
  [
    'the EventBridge API destination route',
    (id) =>
      post(
        '/webhooks/eventbridge',
        { ...json, 'x-api-key': DEV_EVENTBRIDGE_API_KEYS.current },
        JSON.stringify(conversationDetail(id, 'customer.start', Date.now())),
      ),
  ],
  [
    'the seed header webhook',
    (id) => {
      const signed = signSeedHeader({
        body: JSON.stringify(conversationDetail(id, 'acd.start', Date.now(), { queueId: randomUUID() })),
        secret: DEV_SECRETS.current,
      });
      return post('/webhooks/genesys', signed.headers, signed.body);
    },
  ],
  [
    'the seed form webhook',
    (id) => {
      const seed = { eventType: 'conversation:created', conversation: { id, type: 'call' } };
      const signed = signSeedForm({ webhook: JSON.stringify(seed), secret: DEV_SECRETS.current });
      return post('/webhooks/genesys', signed.headers, signed.body);
    },
  ],
  [
    'the Open Messaging webhook',
    (id) => {
      const signed = signOpenMessaging({
        body: JSON.stringify(openMessage(id)),
        secret: DEV_OPEN_MESSAGING_SECRETS.current,
      });
      return post('/webhooks/open-messaging', signed.headers, signed.body);
    },
  ],
];

describe('the lake through the real local stack', () => {
  it.each(deliveries)('holds an event accepted by %s, queryable within 5 s', async (_, send) => {
    const conversationId = randomUUID();
    const answer = await send(conversationId);
    const acceptedAt = Date.now();
    expect(answer.json.status).toBe('accepted');

    let rows: Record<string, string | null>[] = [];
    while (rows.length === 0 && Date.now() - acceptedAt < 3 * QUERYABLE_WITHIN_MS) {
      rows = await lakeRows(
        `SELECT detail_type, transport, event_date FROM events WHERE conversation_id = ${idLiteral(conversationId)}`,
      );
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const queryableAfterMs = Date.now() - acceptedAt;

    expect(rows).toEqual([
      { detail_type: answer.json.detailType, transport: expect.any(String), event_date: expect.any(String) },
    ]);
    expect(queryableAfterMs).toBeLessThanOrEqual(QUERYABLE_WITHIN_MS);
  });

  it('answers ad-hoc SQL over every column of the schema', async () => {
    const [row] = await lakeRows('SELECT * FROM events LIMIT 1');

    expect(Object.keys(row ?? {})).toEqual(
      expect.arrayContaining([
        'event_id',
        'detail_type',
        'topic_name',
        'conversation_id',
        'event_time',
        'received_at',
        'transport',
        'body',
      ]),
    );
  });
});
