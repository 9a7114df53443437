import { IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import { describe, expect, it } from '@jest/globals';
import { markAsDuplicate } from './delivery-dedupe';

type StoredResponse = Parameters<typeof markAsDuplicate>[0];

const record = new IdempotencyRecord({ idempotencyKey: 'genesys-delivery#abc', status: 'COMPLETED' });

describe('markAsDuplicate', () => {
  it('turns the stored accepted answer into a duplicate answer that keeps the event id', () => {
    const stored: StoredResponse = {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"accepted","eventId":"e","detailType":"conversation:created"}',
    };

    const answer = markAsDuplicate(stored, record) as { statusCode: number; headers: unknown; body: string };

    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(answer.body)).toEqual({
      status: 'duplicate',
      eventId: 'e',
      detailType: 'conversation:created',
    });
  });

  it('turns the minimal stored answer into status duplicate with the same event id', () => {
    const stored: StoredResponse = { statusCode: 200, body: '{"status":"accepted","eventId":"e"}' };

    const answer = markAsDuplicate(stored, record) as { statusCode: number; body: string };

    expect(answer).toEqual({ statusCode: 200, body: JSON.stringify({ status: 'duplicate', eventId: 'e' }) });
  });

  it('does not change the stored answer it was given', () => {
    const stored: StoredResponse = { statusCode: 200, body: '{"status":"accepted","eventId":"e"}' };

    markAsDuplicate(stored, record);

    expect(stored).toEqual({ statusCode: 200, body: '{"status":"accepted","eventId":"e"}' });
  });

  it.each<[string, StoredResponse]>([
    ['a string', 'accepted'],
    ['a number', 200],
    ['null', null],
    ['an array', [{ statusCode: 200, body: '{"status":"accepted"}' }]],
  ])('returns %s as it is', (_, stored) => {
    expect(markAsDuplicate(stored, record)).toBe(stored);
  });

  it.each<[string, StoredResponse]>([
    ['a body that is not JSON', { statusCode: 200, body: 'accepted' }],
    ['a body that is a JSON array', { statusCode: 200, body: '["accepted"]' }],
    ['a body that is a JSON string', { statusCode: 200, body: '"accepted"' }],
    ['a body that is JSON null', { statusCode: 200, body: 'null' }],
    ['a body that is not a string', { statusCode: 200, body: { status: 'accepted' } }],
    ['no body', { statusCode: 204 }],
  ])('returns an answer with %s as it is', (_, stored) => {
    expect(markAsDuplicate(stored, record)).toBe(stored);
  });
});
