import { describe, expect, it } from '@jest/globals';
import { SignatureVerificationError } from '../errors';
import { verifyApiKey } from './api-key';

const KEYS = ['current-api-key-7f3a', 'previous-api-key-19bc'];

const errorOf = (run: () => unknown): SignatureVerificationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SignatureVerificationError) return error;
    throw error;
  }
  throw new Error('expected the key to be refused');
};

describe('verifyApiKey', () => {
  it('accepts any key of the list from x-api-key, looked up in any case', () => {
    expect(verifyApiKey({ headers: { 'X-Api-Key': KEYS[1] }, keys: KEYS }).matchedKeyIndex).toBe(1);
    expect(verifyApiKey({ headers: { 'x-api-key': KEYS[0] }, keys: KEYS }).matchedKeyIndex).toBe(0);
  });

  it('reads a configured header name instead', () => {
    expect(
      verifyApiKey({ headers: { 'X-Genesys-Key': KEYS[0] }, headerName: 'x-genesys-key', keys: KEYS }).matchedKeyIndex,
    ).toBe(0);
  });

  it.each([
    ['no header', {}, 'missing_api_key'],
    ['an empty header', { 'x-api-key': '' }, 'missing_api_key'],
    ['a wrong key', { 'x-api-key': 'guess' }, 'api_key_mismatch'],
    ['a key differing in case', { 'x-api-key': KEYS[0]?.toUpperCase() }, 'api_key_mismatch'],
    ['a key with padding', { 'x-api-key': `${KEYS[0]} ` }, 'api_key_mismatch'],
    ['a prefix of the key', { 'x-api-key': KEYS[0]?.slice(0, 10) }, 'api_key_mismatch'],
  ])('refuses %s', (_, headers, reason) => {
    const error = errorOf(() => verifyApiKey({ headers, keys: KEYS }));

    expect(error.reason).toBe(reason);
    expect(JSON.stringify(error.details)).not.toContain(KEYS[0]);
  });

  it('diagnoses a key sent with surrounding whitespace', () => {
    const error = errorOf(() => verifyApiKey({ headers: { 'x-api-key': `${KEYS[0]}\n` }, keys: KEYS }));

    expect(error.details).toEqual({ keysTried: 2, header: 'x-api-key', diagnosis: 'key_with_whitespace' });
  });

  it('refuses everything when no key or an empty key is configured', () => {
    expect(errorOf(() => verifyApiKey({ headers: { 'x-api-key': 'x' }, keys: [] })).reason).toBe(
      'no_secrets_configured',
    );
    expect(errorOf(() => verifyApiKey({ headers: { 'x-api-key': '' }, keys: [''] })).reason).toBe(
      'no_secrets_configured',
    );
  });
});
