import { describe, expect, it } from '@jest/globals';
import { signSeedForm, signSeedHeader } from './sign';
import { verifySignature } from './verify-signature';

describe('signing helpers', () => {
  it('produce seed form requests that verify', () => {
    const { body, headers } = signSeedForm({ webhook: '{"eventType":"conversation:created"}', secret: 's3cret' });

    const verified = verifySignature({ scheme: 'seed-form', body: { body }, headers, secrets: ['s3cret'] });

    expect(verified.payload).toBe('{"eventType":"conversation:created"}');
  });

  it('produce seed header requests that verify', () => {
    const { body, headers } = signSeedHeader({ body: '{"a":1}', secret: 's3cret', deliveryId: 'd-1' });

    const verified = verifySignature({ scheme: 'seed-header', body: { body }, headers, secrets: ['other', 's3cret'] });

    expect(verified.matchedSecretIndex).toBe(1);
  });
});
