/**
 * An access token from a local OIDC issuer's token endpoint (packages/local-issuer), for the read routes
 * the bench polls.
 *
 * @example
 * ```ts
 * const token = await localAccessToken('http://127.0.0.1:4050', 'conversations:read');
 * await fetch(`${baseUrl}/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } });
 * ```
 */
export const localAccessToken = async (issuer: string, scope: string): Promise<string> => {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
  const body = (await response.json()) as { access_token?: unknown };
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    throw new Error(`bench: the local issuer ${issuer} gave no token (HTTP ${response.status})`);
  }
  return body.access_token;
};
