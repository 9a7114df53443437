import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSettings } from '../config/settings';
import { runCli, temporaryRoot } from '../test-support/memory-io';
import { type ScriptedServer, scriptedServer } from '../test-support/scripted-server';
import { checkPartnerSource, checkSecretList, checkSecrets } from './config-checks';
import { describeSurroundingWhitespace } from './finding';

const ORG = '5f3a1c7e-9b2d-4e6f-8a0c-1d3b5f7a9c2e';

describe('checkSecretList', () => {
  it('finds a list that is not set, or empty', () => {
    const unset = checkSecretList('GENESYS_WEBHOOK_SECRETS', { value: undefined, from: 'unset' });
    const empty = checkSecretList('OPEN_MESSAGING_SECRETS', { value: ' , ', from: 'environment' });

    expect(unset).toEqual([
      expect.objectContaining({ level: 'problem', message: expect.stringMatching(/^is not set: \/webhooks\/genesys/) }),
    ]);
    expect(empty[0]?.message).toMatch(/^is empty in your environment: \/webhooks\/open-messaging/);
  });

  it('finds whitespace around an entry on the raw value, naming the entry and the whitespace', () => {
    const findings = checkSecretList('GENESYS_WEBHOOK_SECRETS', { value: 'current\n,\tprevious', from: 'environment' });

    expect(findings.filter((item) => item.level === 'problem').map((item) => item.message)).toEqual([
      expect.stringMatching(/^entry 1 in your environment has a trailing newline\./),
      expect.stringMatching(/^entry 2 in your environment has a leading tab\./),
    ]);
  });

  it('notes a stray comma and accepts a clean rotation list', () => {
    const findings = checkSecretList('EVENTBRIDGE_API_KEYS', { value: 'new,old,', from: '.env.dev' });

    expect(findings).toEqual([
      expect.objectContaining({ level: 'note', message: expect.stringContaining('stray comma') }),
      expect.objectContaining({
        level: 'ok',
        message: '2 API key(s) in .env.dev; the first signs, the second is still accepted (rotation)',
      }),
    ]);
  });

  it('checks the API key header name', () => {
    const settings = loadSettings({ env: { EVENTBRIDGE_API_KEY_HEADER: 'x-api-key ' }, root: temporaryRoot() });

    expect(checkSecrets(settings).find((item) => item.check === 'EVENTBRIDGE_API_KEY_HEADER')?.message).toBe(
      'has a trailing space in your environment',
    );
  });
});

describe('checkPartnerSource', () => {
  it.each([
    [`aws.partner/genesys.com/cloud/${ORG}/contact-centre`, 'ok', `org ${ORG}, suffix contact-centre`],
    [undefined, 'note', 'not set'],
    [`aws.partner/genesys/cloud/${ORG}/x`, 'problem', 'does not start with aws.partner/genesys.com/'],
    [`aws.partner/genesys.com/${ORG}/x`, 'problem', 'lacks the /cloud/ segment'],
    ['aws.partner/genesys.com/cloud/my-org/x', 'problem', 'has "my-org" where the Genesys org id (a UUID) belongs'],
    [`aws.partner/genesys.com/cloud/${ORG}/`, 'problem', 'has no suffix after the org id'],
    [`aws.partner/genesys.com/cloud/${ORG}/a/b`, 'problem', 'has more segments'],
    [`aws.partner/genesys.com/cloud/${ORG}/${'s'.repeat(65)}`, 'problem', 'a suffix of 65 characters'],
    [`aws.partner/genesys.com/cloud/${ORG}/with space`, 'problem', 'characters other than letters'],
    [`aws.partner/genesys.com/cloud/${ORG}/x\n`, 'problem', 'has a trailing newline'],
  ])('checks %j', (value, level, message) => {
    expect(checkPartnerSource(value, [])).toEqual([
      expect.objectContaining({ level, message: expect.stringContaining(message) }),
    ]);
  });

  it('finds an org that GENESYS_ORG_IDS does not let in', () => {
    const [result] = checkPartnerSource(`aws.partner/genesys.com/cloud/${ORG}/x`, [
      '0c6f2a4e-7b1d-4e38-9a5c-d2e4f6a8b0c1',
    ]);

    expect(result?.message).toContain('is not in GENESYS_ORG_IDS');
  });
});

describe('describeSurroundingWhitespace', () => {
  it.each([
    ['secret', undefined],
    ['secret\r\n', 'a trailing carriage return/newline'],
    [' secret ', 'a leading space and a trailing space'],
  ])('describes %j', (value, expected) => {
    expect(describeSurroundingWhitespace(value)).toBe(expected);
  });
});

describe('genesys-events doctor', () => {
  let server: ScriptedServer;
  let issuer: ScriptedServer;
  beforeAll(async () => {
    // The system: 404 to a request with a token of the issuer, 401 to any other.
    server = await scriptedServer((request) =>
      request.headers.authorization === 'Bearer issued-token'
        ? { status: 404, body: { error: 'not_found' } }
        : { status: 401, body: { error: 'unauthorized' } },
    );
    let url = '';
    issuer = await scriptedServer((request) =>
      request.path.startsWith('/.well-known/')
        ? { status: 200, body: { issuer: url, token_endpoint: `${url}/token` } }
        : { status: 200, body: { access_token: 'issued-token', expires_in: 60, scope: 'conversations:read' } },
    );
    url = issuer.url;
  });
  afterAll(async () => {
    await server.close();
    await issuer.close();
  });

  it('exits 0 when the configuration is sound, the issuer grants a token and the system takes it', async () => {
    const { code, stdout } = await runCli(['doctor', '--url', server.url, '--issuer', issuer.url]);

    expect(stdout).toContain(`ok       issuer: ${issuer.url} grants access tokens`);
    expect(stdout).toContain(`ok       reachability: the system answers at ${server.url} (HTTP 404)`);
    expect(code).toBe(0);
  });

  it('exits 1 when the system refuses the issuer token', async () => {
    const { code, stdout } = await runCli(['doctor', '--url', server.url], { env: { OIDC_ISSUER_URL: server.url } });

    expect(stdout).toContain('PROBLEM  issuer: ');
    expect(code).toBe(1);
  });

  it('exits 1 when the system refuses a token of the configured issuer', async () => {
    let url = '';
    const foreign = await scriptedServer((request) =>
      request.path.startsWith('/.well-known/')
        ? { status: 200, body: { issuer: url, token_endpoint: `${url}/token` } }
        : { status: 200, body: { access_token: 'foreign-token' } },
    );
    url = foreign.url;

    const { code, stdout } = await runCli(['doctor', '--url', server.url, '--issuer', foreign.url]);
    await foreign.close();

    expect(stdout).toContain('it refuses a token of the configured issuer');
    expect(code).toBe(1);
  });

  it('exits 1 when nothing answers, with the way to start it', async () => {
    const { code, stdout } = await runCli(['doctor', '--url', 'http://127.0.0.1:9', '--json']);

    const report = JSON.parse(stdout) as { ok: boolean; findings: { check: string; message: string }[] };
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.findings.find((item) => item.check === 'reachability')?.message).toContain(
      'start it with npm run dev',
    );
  });

  it('checks the partner source given on the command line over the variable', async () => {
    const { code, stderr } = await runCli(['doctor', '--offline', '--partner-source', 'genesys/events'], {
      env: { GENESYS_PARTNER_EVENT_SOURCE: `aws.partner/genesys.com/cloud/${ORG}/fine` },
    });

    expect(code).toBe(1);
    expect(stderr).toContain('"genesys/events" does not start with aws.partner/genesys.com/');
  });
});
