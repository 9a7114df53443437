'use strict';
// A serverless plugin for `serverless offline`: starts the local OIDC issuer (src/local-issuer.mjs) on
// 127.0.0.1 before the functions load and stops it when offline stops, so the read routes verify real
// tokens in `npm run dev`. Settings: custom.localIssuer (port, issuer, audience, dir). It stays off when
// the stage's issuer is not a loopback URL (a developer pointing dev at a real Cognito, Entra ID, ...).
const { resolve } = require('node:path');

const DEFAULTS = { port: 4050, dir: '.local-data/oidc', audience: 'genesys-events' };
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether an issuer URL is served on this machine, and on which port.
 * @param {string} issuer
 * @returns {{ local: boolean, port?: number }}
 */
function loopbackPort(issuer) {
  let url;
  try {
    url = new URL(issuer);
  } catch {
    return { local: false };
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return { local: false };
  return { local: true, port: Number(url.port || 80) };
}

class LocalIssuerPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:offline:start:init': () => this.start(),
      'before:offline:start:end': () => this.stop(),
    };
  }

  settings() {
    const custom = this.serverless.service.custom?.localIssuer ?? {};
    const port = Number(custom.port ?? DEFAULTS.port);
    const issuer = custom.issuer || `http://127.0.0.1:${port}`;
    const dir = resolve(this.serverless.serviceDir, custom.dir || DEFAULTS.dir);
    return {
      port,
      issuer: String(issuer).replace(/\/+$/, ''),
      audience: String(custom.audience || DEFAULTS.audience),
      dir,
    };
  }

  async start() {
    const settings = this.settings();
    const target = loopbackPort(settings.issuer);
    if (!target.local) {
      this.log(`the issuer ${settings.issuer} is not local: the local issuer stays off`);
      return;
    }
    if (target.port !== settings.port) {
      throw new Error(
        `local issuer: the functions trust ${settings.issuer} but the issuer would listen on port ${settings.port}; ` +
          'set OIDC_ISSUER_URL and LOCAL_OIDC_PORT together',
      );
    }
    const { startLocalIssuer } = await import('./src/local-issuer.mjs');
    this.issuer = await startLocalIssuer(settings);
    this.log(`OIDC issuer on ${this.issuer.issuer} (audience ${settings.audience}, keys in ${settings.dir})`);
  }

  async stop() {
    if (!this.issuer) return;
    await this.issuer.close();
    this.issuer = undefined;
  }

  log(message) {
    this.serverless.cli?.log?.(`local-issuer: ${message}`);
  }
}

module.exports = LocalIssuerPlugin;
module.exports.loopbackPort = loopbackPort;
