import type { CryptoKey, JWK } from 'jose';

/** The local issuer's signing key. */
export interface SigningKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** A running local issuer. */
export interface LocalIssuer {
  readonly issuer: string;
  readonly port: number;
  readonly key: SigningKey;
  close(): Promise<void>;
}

export declare const LOCAL_SUBJECT: string;
export declare const SIGNING_KEY_FILE: string;
export declare const DEFAULT_TTL_SECONDS: number;
export declare const MAX_TTL_SECONDS: number;

export declare const loadOrCreateSigningKey: (
  dir: string,
  options?: { alg?: 'ES256' | 'RS256' },
) => Promise<SigningKey>;

export declare const mintAccessToken: (options: {
  key: SigningKey;
  issuer: string;
  audience: string;
  scope?: string;
  ttlSeconds?: number;
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  now?: Date;
}) => Promise<string>;

export declare const startLocalIssuer: (options: {
  dir: string;
  port: number;
  audience: string;
  issuer?: string;
  host?: string;
}) => Promise<LocalIssuer>;

export declare const discoveryDocument: (issuer: string, alg: string) => Record<string, unknown>;

export declare const parseTokenRequest: (
  form: string,
) => { ok: true; scope: string; ttlSeconds: number } | { ok: false; error: string; description: string };
