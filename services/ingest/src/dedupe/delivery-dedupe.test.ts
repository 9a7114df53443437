import { lambdaContext } from '@genesys-events/core/testing';
import { describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import { DeliveryInFlightError } from './dedupe-errors';
import { dedupeDeliveries, duplicateAnswer } from './delivery-dedupe';
import type { Claim, DeliveryRecords } from './delivery-records';

type Event = { delivery: { dedupeKey?: string } };

/** Records in memory, with every call noted. */
const recordsThatAnswer = (claim: Claim) => {
  const calls: string[] = [];
  const records: DeliveryRecords = {
    claim: async (key) => {
      calls.push(`claim ${key}`);
      return claim;
    },
    complete: async (key, token, answer) => {
      calls.push(`complete ${key} ${token} ${JSON.stringify(answer)}`);
    },
    release: async (key, token) => {
      calls.push(`release ${key} ${token}`);
    },
  };
  return { records, calls };
};

const accepted = async () => ({ statusCode: 200, body: '{"status":"accepted","eventId":"evt-1","detailType":"t"}' });

const handlerWith = (records: DeliveryRecords, handler: () => Promise<unknown> = accepted) =>
  middy<Event, unknown>(handler).use(dedupeDeliveries({ records }));

describe('dedupeDeliveries', () => {
  it('completes a claimed delivery with the answer the handler gave', async () => {
    const { records, calls } = recordsThatAnswer({ kind: 'claimed', token: 'tok' });

    await handlerWith(records)({ delivery: { dedupeKey: 'seed:1' } }, lambdaContext());

    expect(calls).toEqual(['claim seed:1', 'complete seed:1 tok {"eventId":"evt-1","detailType":"t"}']);
  });

  it('answers a completed delivery as a duplicate without running the handler', async () => {
    const { records } = recordsThatAnswer({ kind: 'completed', answer: { eventId: 'evt-0' } });
    let ran = false;

    const answer = await handlerWith(records, async () => {
      ran = true;
      return accepted();
    })({ delivery: { dedupeKey: 'seed:2' } }, lambdaContext());

    expect(ran).toBe(false);
    expect(answer).toEqual(duplicateAnswer({ eventId: 'evt-0' }));
    expect(JSON.parse((answer as { body: string }).body)).toEqual({ status: 'duplicate', eventId: 'evt-0' });
  });

  it('refuses a delivery in flight elsewhere and releases nothing', async () => {
    const { records, calls } = recordsThatAnswer({ kind: 'in-flight' });

    await expect(handlerWith(records)({ delivery: { dedupeKey: 'seed:3' } }, lambdaContext())).rejects.toBeInstanceOf(
      DeliveryInFlightError,
    );
    expect(calls).toEqual(['claim seed:3']);
  });

  it('releases its claim when the handler fails, so that the retry publishes', async () => {
    const { records, calls } = recordsThatAnswer({ kind: 'claimed', token: 'tok' });

    await expect(
      handlerWith(records, async () => {
        throw new Error('bus down');
      })({ delivery: { dedupeKey: 'seed:4' } }, lambdaContext()),
    ).rejects.toThrow('bus down');
    expect(calls).toEqual(['claim seed:4', 'release seed:4 tok']);
  });

  it('does not release a completed claim when a later step of the chain fails', async () => {
    const { records, calls } = recordsThatAnswer({ kind: 'claimed', token: 'tok' });
    const failsAfter = {
      after: async () => {
        throw new Error('late failure');
      },
    };
    const handler = middy<Event, unknown>(accepted).use(failsAfter).use(dedupeDeliveries({ records }));

    await expect(handler({ delivery: { dedupeKey: 'seed:6' } }, lambdaContext())).rejects.toThrow('late failure');
    expect(calls).toEqual(['claim seed:6', 'complete seed:6 tok {"eventId":"evt-1","detailType":"t"}']);
  });

  it('still answers a published event when its record cannot be completed', async () => {
    const { records } = recordsThatAnswer({ kind: 'claimed', token: 'tok' });
    const failing = { ...records, complete: async () => Promise.reject(new Error('throttled')) };

    expect(await handlerWith(failing)({ delivery: { dedupeKey: 'seed:5' } }, lambdaContext())).toEqual(
      await accepted(),
    );
  });

  it.each([
    ['no key', {}],
    ['an empty key', { dedupeKey: '' }],
  ])('skips the table for a request with %s', async (_, delivery) => {
    const { records, calls } = recordsThatAnswer({ kind: 'in-flight' });

    expect(await handlerWith(records)({ delivery }, lambdaContext())).toEqual(await accepted());
    expect(calls).toEqual([]);
  });
});
