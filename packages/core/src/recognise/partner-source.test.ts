import { describe, expect, it } from '@jest/globals';
import { isAllowedPartnerSource, parsePartnerSource } from './partner-source';

const ORG = '5b2e0c8a-1d4f-4e6a-9b7c-3f2a1e0d9c8b';

describe('Genesys partner source names', () => {
  it('parse into org id and suffix, test environments included', () => {
    expect(parsePartnerSource(`aws.partner/genesys.com/cloud/${ORG}/contact-center`)).toEqual({
      orgId: ORG,
      suffix: 'contact-center',
    });
    expect(parsePartnerSource(`aws.partner/genesys.com.test/cloud/${ORG}/test-bus`)?.suffix).toBe('test-bus');
  });

  it.each([
    [`aws.partner/genesys.community/cloud/${ORG}/x`],
    [`aws.partner/genesys.com.attacker.example/cloud/${ORG}/x`],
    [`aws.partner/genesys.comx/cloud/${ORG}/x`],
    ['aws.partner/genesys.com/../../evil'],
    [`aws.partner/genesys.com/cloud/${ORG}/`],
    [`aws.partner/genesys.com/cloud/${ORG}/${'s'.repeat(65)}`],
    ['genesys.cloud'],
  ])('refuse the lookalike %s', (source) => {
    expect(parsePartnerSource(source)).toBeUndefined();
    expect(isAllowedPartnerSource(source, { orgIds: [] })).toBe(false);
  });

  it('apply an org allowlist when one is given, in any case', () => {
    const source = `aws.partner/genesys.com/cloud/${ORG}/contact-center`;

    expect(isAllowedPartnerSource(source, { orgIds: [ORG.toUpperCase()] })).toBe(true);
    expect(isAllowedPartnerSource(source, { orgIds: ['99999999-8888-4777-8666-555555555555'] })).toBe(false);
  });
});
