import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';

/** The file, in the issuer's directory, that holds the private signing key as a JWK. */
export const SIGNING_KEY_FILE = 'signing-key.json';

/**
 * @typedef {object} SigningKey
 * @property {string} alg The JWS algorithm (`ES256` or `RS256`).
 * @property {string} kid The key id: the public key's JWK thumbprint (RFC 7638).
 * @property {import('jose').CryptoKey} privateKey Signs tokens.
 * @property {import('jose').JWK} publicJwk Published in the JWKS, with `kid`, `alg` and `use`.
 */

/**
 * The local issuer's signing key, from `<dir>/signing-key.json`; generated (ES256 by default) and written
 * there, readable by its owner only, when the file does not exist yet. Two processes starting at once end up
 * with the same key: the file is created exclusively and the loser reads the winner's.
 *
 * @example
 * ```js
 * const key = await loadOrCreateSigningKey('.local-data/oidc');
 * key.kid; // 'mX3...'
 * ```
 * @param {string} dir
 * @param {{ alg?: 'ES256' | 'RS256' }} [options]
 * @returns {Promise<SigningKey>}
 */
export const loadOrCreateSigningKey = async (dir, { alg = 'ES256' } = {}) => {
  const file = join(dir, SIGNING_KEY_FILE);
  const stored = readJson(file) ?? (await createKeyFile(file, alg));
  return fromPrivateJwk(stored);
};

/** @param {string} file */
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw new Error(`local issuer: cannot read ${file}: ${error.message}`);
  }
};

/**
 * @param {string} file
 * @param {string} alg
 */
const createKeyFile = async (file, alg) => {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const stored = { ...jwk, alg, kid: await calculateJwkThumbprint(jwk), use: 'sig' };
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${JSON.stringify(stored)}\n`, { flag: 'wx', mode: 0o600 });
    return stored;
  } catch (error) {
    if (error.code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8'));
    throw error;
  }
};

/** @param {import('jose').JWK & { alg: string, kid: string }} stored */
const fromPrivateJwk = async (stored) => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, key_ops: _ops, ext: _ext, ...publicJwk } = stored;
  return {
    alg: stored.alg,
    kid: stored.kid,
    privateKey: /** @type {import('jose').CryptoKey} */ (await importJWK(stored, stored.alg)),
    publicJwk,
  };
};
