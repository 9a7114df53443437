import { createServer } from 'node:http';
import { mintAccessToken } from './mint-access-token.mjs';
import { loadOrCreateSigningKey } from './signing-key.mjs';
import { parseTokenRequest } from './token-request.mjs';

const MAX_FORM_BYTES = 8 * 1024;

/**
 * @typedef {object} LocalIssuerOptions
 * @property {string} dir Where the signing key is kept.
 * @property {number} port The port on 127.0.0.1 (0: any free port).
 * @property {string} [issuer] The issuer identifier; default `http://127.0.0.1:<port>`.
 * @property {string} audience The audience of the tokens it mints.
 * @property {string} [host] Default 127.0.0.1.
 */

/**
 * @typedef {object} LocalIssuer
 * @property {string} issuer
 * @property {number} port
 * @property {import('./signing-key.mjs').SigningKey} key
 * @property {() => Promise<void>} close
 */

/**
 * The discovery document of an issuer served by {@link startLocalIssuer}.
 *
 * @example
 * ```js
 * discoveryDocument('http://127.0.0.1:4050', 'ES256').jwks_uri; // 'http://127.0.0.1:4050/jwks'
 * ```
 * @param {string} issuer
 * @param {string} alg
 */
export const discoveryDocument = (issuer, alg) => ({
  issuer,
  jwks_uri: `${issuer}/jwks`,
  token_endpoint: `${issuer}/token`,
  grant_types_supported: ['client_credentials'],
  token_endpoint_auth_methods_supported: ['none'],
  response_types_supported: ['token'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: [alg],
  scopes_supported: ['conversations:read', 'conversations:erase', 'analytics:read'],
});

/**
 * Starts a loopback OIDC issuer for local development: its discovery document
 * (`/.well-known/openid-configuration`), its JWKS (`/jwks`) and a client-credentials style token endpoint
 * (`POST /token`, form `scope=...&ttl=...`, no client authentication: it listens on loopback only) that
 * mints tokens for the configured audience. The signing key is kept in `dir` and reused on the next start.
 *
 * @example
 * ```js
 * const issuer = await startLocalIssuer({ dir: '.local-data/oidc', port: 4050, audience: 'genesys-events' });
 * await issuer.close();
 * ```
 * @param {LocalIssuerOptions} options
 * @returns {Promise<LocalIssuer>}
 */
export const startLocalIssuer = async ({ dir, port, issuer, audience, host = '127.0.0.1' }) => {
  const key = await loadOrCreateSigningKey(dir);
  const state = { issuer: issuer ?? '' };
  const server = createServer((request, response) => {
    answer(request, state.issuer).then(
      ({ status, body }) => send(response, status, body),
      () => send(response, 500, { error: 'server_error' }),
    );
  });
  /** @param {import('node:http').IncomingMessage} request @param {string} self */
  const answer = async (request, self) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === '/.well-known/openid-configuration') {
      return { status: 200, body: discoveryDocument(self, key.alg) };
    }
    if (request.method === 'GET' && path === '/jwks') return { status: 200, body: { keys: [key.publicJwk] } };
    if (path === '/token') return request.method === 'POST' ? token(request, self) : notAllowed();
    return { status: 404, body: { error: 'not_found' } };
  };
  /** @param {import('node:http').IncomingMessage} request @param {string} self */
  const token = async (request, self) => {
    const form = await readForm(request);
    const parsed = form === undefined ? tooLarge() : parseTokenRequest(form);
    if (!parsed.ok) return { status: 400, body: { error: parsed.error, error_description: parsed.description } };
    const accessToken = await mintAccessToken({
      key,
      issuer: self,
      audience,
      scope: parsed.scope,
      ttlSeconds: parsed.ttlSeconds,
    });
    const body = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: parsed.ttlSeconds,
      scope: parsed.scope,
    };
    return { status: 200, body };
  };
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  state.issuer = issuer ?? `http://${host}:${actualPort}`;
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    });
  return { issuer: state.issuer, port: actualPort, key, close: async () => void (await close()) };
};

const notAllowed = () => ({ status: 405, body: { error: 'method_not_allowed' } });
const tooLarge = () => ({
  ok: false,
  error: 'invalid_request',
  description: `the form exceeds ${MAX_FORM_BYTES} bytes`,
});

/** @param {import('node:http').IncomingMessage} request @returns {Promise<string | undefined>} */
const readForm = async (request) => {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** @param {import('node:http').ServerResponse} response @param {number} status @param {unknown} body */
const send = (response, status, body) => {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};
