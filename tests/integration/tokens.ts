import { recordSentToken } from './leak-watch';
import { TEST_OIDC } from './local-system';

/** Every scope the read routes require: one token reads everything. */
export const READ_SCOPES = 'conversations:read analytics:read';

const granted = new Map<string, string>();

/**
 * An access token from the test system's local issuer (its token endpoint, as `genesys-events token` gets
 * one), cached per scope for the test file; remembered by the leak watch.
 */
export const accessToken = async (scope: string = READ_SCOPES): Promise<string> => {
  const cached = granted.get(scope);
  if (cached) return cached;
  const response = await fetch(`${TEST_OIDC.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token)
    throw new Error(`the local issuer gave no token (${response.status})`);
  recordSentToken(body.access_token);
  granted.set(scope, body.access_token);
  return body.access_token;
};

let reader: string | undefined;

/** Gets the reader token that {@link readerToken} hands out; call it in a `beforeAll`. */
export const prepareReaderToken = async (): Promise<void> => {
  reader = await accessToken(READ_SCOPES);
};

/** The reader token, for request builders that cannot wait (call {@link prepareReaderToken} first). */
export const readerToken = (): string => {
  if (!reader) throw new Error('no reader token: call prepareReaderToken() in beforeAll');
  return reader;
};

/** An `Authorization` header with a bearer token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
