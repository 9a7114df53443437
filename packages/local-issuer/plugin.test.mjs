import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const require = createRequire(import.meta.url);
const LocalIssuerPlugin = require('./index.cjs');
const { loopbackPort } = LocalIssuerPlugin;

const serverlessWith = (localIssuer) => {
  const logs = [];
  return {
    logs,
    service: { custom: { localIssuer } },
    serviceDir: mkdtempSync(join(tmpdir(), 'local-issuer-plugin-')),
    cli: { log: (message) => logs.push(message) },
  };
};

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

describe('the local issuer plugin', () => {
  it.each([
    ['http://127.0.0.1:4050', { local: true, port: 4050 }],
    ['http://localhost:4050/', { local: true, port: 4050 }],
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC', { local: false }],
    ['not a url', { local: false }],
  ])('knows whether %s is served here', (issuer, expected) => {
    expect(loopbackPort(issuer)).toEqual(expected);
  });

  it('starts on offline start and stops on offline end', async () => {
    const port = await freePort();
    const serverless = serverlessWith({ port, dir: 'oidc', audience: 'genesys-events' });
    const plugin = new LocalIssuerPlugin(serverless);

    await plugin.hooks['before:offline:start:init']();
    const { issuer } = plugin.issuer;
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    await plugin.hooks['before:offline:start:end']();

    expect(issuer).toBe(`http://127.0.0.1:${port}`);
    expect(discovery.issuer).toBe(issuer);
    expect(plugin.issuer).toBeUndefined();
    await expect(fetch(`${issuer}/jwks`)).rejects.toThrow();
  });

  it('stays off when the stage trusts an issuer that is not local', async () => {
    const serverless = serverlessWith({ port: 4050, issuer: 'https://login.example.com', audience: 'api' });
    const plugin = new LocalIssuerPlugin(serverless);

    await plugin.hooks['before:offline:start:init']();

    expect(plugin.issuer).toBeUndefined();
    expect(serverless.logs[0]).toContain('is not local');
  });

  it('fails clearly when the trusted issuer and the port it would listen on differ', async () => {
    const plugin = new LocalIssuerPlugin(serverlessWith({ port: 4051, issuer: 'http://127.0.0.1:4050' }));

    await expect(plugin.hooks['before:offline:start:init']()).rejects.toThrow('OIDC_ISSUER_URL and LOCAL_OIDC_PORT');
  });
});
