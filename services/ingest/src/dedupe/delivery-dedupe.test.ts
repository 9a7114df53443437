import type { Claim } from '@genesys-events/consumer-kit/once';
import { lambdaContext } from '@genesys-events/core/testing';
import { describe, expect, it } from '@jest/globals';
import middy, { type Request } from '@middy/core';
import { type Accepted, answerAccepted, recordedOutcome, type WebhookOutcome } from '../outcome/webhook-outcome';
import { DeliveryInFlightError, type DeliveryRecords, dedupeDeliveries, type PublishedAs } from './delivery-dedupe';

type Event = { delivery: { dedupeKey?: string; contentKey?: string } };

const REUSE_KEY = 'reused:content-b:seed:1';

/** Records in memory that answer each key's claim as given (a new key is claimed), with every call noted. */
const recordsWith = (claims: Record<string, Claim<PublishedAs>> = {}) => {
  const calls: string[] = [];
  const records: DeliveryRecords = {
    claim: async (key, contentKey) => {
      calls.push(`claim ${key} ${contentKey}`);
      return claims[key] ?? { kind: 'claimed', token: `tok-${calls.length}` };
    },
    complete: async (key, token, { eventId, detailType }) => {
      calls.push(`complete ${key} ${token} ${eventId} ${detailType}`);
    },
    release: async (key, token) => {
      calls.push(`release ${key} ${token}`);
    },
  };
  return { records, calls };
};

const accepted: Accepted = { kind: 'accepted', eventId: 'evt-1', detailType: 'conversation:created' };

/** The dedupe stage as the pipeline runs it; the request is kept so that its recorded outcome can be read. */
const run = async (records: DeliveryRecords, event: Event, handler: () => Promise<Accepted> = async () => accepted) => {
  let request: Request | undefined;
  let ran = false;
  const keepRequest = {
    before: (seen: Request) => {
      request = seen;
    },
  };
  const response = await middy<Event, unknown>(() => {
    ran = true;
    return handler();
  })
    .use(keepRequest)
    .use(dedupeDeliveries({ records }))
    .use(answerAccepted())({ ...event }, lambdaContext());
  const outcome: WebhookOutcome | undefined = request && recordedOutcome(request);
  return { response, outcome, ran };
};

const delivery = (contentKey = 'content-a') => ({ delivery: { dedupeKey: 'seed:1', contentKey } });
const completed = (contentKey: string | undefined, eventId = 'evt-0'): Claim<PublishedAs> => ({
  kind: 'completed',
  result: { eventId, detailType: 'conversation:created' },
  contentKey,
});

describe('dedupeDeliveries, a first delivery', () => {
  it("completes its claim with the accepted outcome's ids, not with the answer's text", async () => {
    const { records, calls } = recordsWith();

    const { outcome } = await run(records, delivery());

    expect(calls).toEqual(['claim seed:1 content-a', 'complete seed:1 tok-1 evt-1 conversation:created']);
    expect(outcome).toEqual(accepted);
  });

  it('releases its claim when the handler fails, so that the retry publishes', async () => {
    const { records, calls } = recordsWith();

    await expect(run(records, delivery(), async () => Promise.reject(new Error('bus down')))).rejects.toThrow(
      'bus down',
    );
    expect(calls).toEqual(['claim seed:1 content-a', 'release seed:1 tok-1']);
  });

  it('does not release a completed claim when a later step of the chain fails', async () => {
    const { records, calls } = recordsWith();
    const failsAfter = { after: () => Promise.reject(new Error('late failure')) };
    const handler = middy<Event, unknown>(async () => accepted)
      .use(failsAfter)
      .use(dedupeDeliveries({ records }))
      .use(answerAccepted());

    await expect(handler(delivery(), lambdaContext())).rejects.toThrow('late failure');
    expect(calls).toEqual(['claim seed:1 content-a', 'complete seed:1 tok-1 evt-1 conversation:created']);
  });

  it('still answers a published event when its record cannot be completed', async () => {
    const { records } = recordsWith();
    const failing = { ...records, complete: () => Promise.reject(new Error('throttled')) };

    expect((await run(failing, delivery())).outcome).toEqual(accepted);
  });

  it.each([
    ['no key', {}],
    ['an empty key', { dedupeKey: '', contentKey: 'content-a' }],
    ['no content key', { dedupeKey: 'seed:1' }],
  ])('skips the table for a request with %s', async (_, facts) => {
    const { records, calls } = recordsWith();

    expect((await run(records, { delivery: facts })).outcome).toEqual(accepted);
    expect(calls).toEqual([]);
  });
});

describe('dedupeDeliveries, a redelivery of the same content', () => {
  it('answers duplicate with the first ids, early, without running the handler', async () => {
    const { records } = recordsWith({ 'seed:1': completed('content-a') });

    const { response, outcome, ran } = await run(records, delivery());

    expect(ran).toBe(false);
    expect(outcome).toEqual({ kind: 'duplicate', eventId: 'evt-0', detailType: 'conversation:created' });
    expect(JSON.parse((response as { body: string }).body)).toEqual({
      status: 'duplicate',
      eventId: 'evt-0',
      detailType: 'conversation:created',
    });
  });

  it('refuses it while the first is in flight, and releases nothing', async () => {
    const { records, calls } = recordsWith({ 'seed:1': { kind: 'in-flight', contentKey: 'content-a' } });

    await expect(run(records, delivery())).rejects.toBeInstanceOf(DeliveryInFlightError);
    expect(calls).toEqual(['claim seed:1 content-a']);
  });
});

describe('dedupeDeliveries, a delivery id reused for other content', () => {
  it('claims the id and the content together, publishes, and records the reuse on the outcome', async () => {
    const { records, calls } = recordsWith({ 'seed:1': completed('content-a', 'evt-first') });

    const { outcome, ran } = await run(records, delivery('content-b'));

    expect(ran).toBe(true);
    expect(calls).toEqual([
      'claim seed:1 content-b',
      `claim ${REUSE_KEY} content-b`,
      `complete ${REUSE_KEY} tok-2 evt-1 conversation:created`,
    ]);
    expect(outcome).toEqual({ ...accepted, deliveryIdReused: { firstEventId: 'evt-first' } });
  });

  it('answers a redelivery of that other content duplicate', async () => {
    const { records } = recordsWith({
      'seed:1': completed('content-a', 'evt-first'),
      [REUSE_KEY]: completed('content-b', 'evt-second'),
    });

    const { response, ran } = await run(records, delivery('content-b'));

    expect(ran).toBe(false);
    expect(JSON.parse((response as { body: string }).body)).toMatchObject({
      status: 'duplicate',
      eventId: 'evt-second',
    });
  });

  it('publishes it while the first content is still in flight', async () => {
    const { records } = recordsWith({ 'seed:1': { kind: 'in-flight', contentKey: 'content-a' } });

    const { outcome } = await run(records, delivery('content-b'));

    expect(outcome).toEqual({ ...accepted, deliveryIdReused: { firstEventId: undefined } });
  });

  it('publishes it when the record predates content keys, rather than guess that it is the same', async () => {
    const { records } = recordsWith({ 'seed:1': completed(undefined, 'evt-old') });

    const { outcome } = await run(records, delivery('content-a'));

    expect(outcome).toEqual({ ...accepted, deliveryIdReused: { firstEventId: 'evt-old' } });
  });

  it('releases the reuse claim when publishing fails', async () => {
    const { records, calls } = recordsWith({ 'seed:1': completed('content-a') });

    await expect(run(records, delivery('content-b'), () => Promise.reject(new Error('bus down')))).rejects.toThrow();
    expect(calls.at(-1)).toBe(`release ${REUSE_KEY} tok-2`);
  });
});
