import { describe, expect, it } from '@jest/globals';
import type { WebhookOutcome } from '../outcome/webhook-outcome';
import { metricsOf } from './metrics';

describe('metricsOf', () => {
  it.each<[string, WebhookOutcome, string[]]>([
    ['an accepted event', { kind: 'accepted', eventId: 'e', detailType: 't' }, ['WebhookAccepted']],
    [
      'an accepted event whose delivery id was reused',
      { kind: 'accepted', eventId: 'e', detailType: 't', deliveryIdReused: { firstEventId: 'f' } },
      ['WebhookAccepted', 'DeliveryIdReused'],
    ],
    ['a duplicate', { kind: 'duplicate', eventId: 'e' }, ['WebhookDuplicate']],
    ['a rejection', { kind: 'rejected', statusCode: 401, reason: 'signature_mismatch' }, ['WebhookRejected']],
    ['a 503', { kind: 'failed', statusCode: 503, reason: 'publish_entry_failed' }, ['PublishFailed']],
    ['an unexpected failure', { kind: 'failed', statusCode: 500, reason: 'status_500' }, ['WebhookFailed']],
  ])('counts %s', (_, outcome, names) => {
    expect(metricsOf(outcome)).toEqual(names);
  });
});
