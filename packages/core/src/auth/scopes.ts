/**
 * The scopes a token grants: the OAuth `scope` claim (a space-separated string, RFC 8693 / RFC 9068) or
 * the `scp` claim (Entra ID and Okta: a space-separated string or an array of strings). Anything else
 * grants nothing.
 *
 * @example
 * ```ts
 * grantedScopes({ scope: 'conversations:read analytics:read' }); // Set { 'conversations:read', 'analytics:read' }
 * grantedScopes({ scp: ['conversations:read'] }); // Set { 'conversations:read' }
 * ```
 */
export const grantedScopes = (claims: Readonly<Record<string, unknown>>): ReadonlySet<string> => {
  const scopes = new Set<string>();
  for (const claim of [claims.scope, claims.scp]) {
    const entries = typeof claim === 'string' ? claim.split(' ') : Array.isArray(claim) ? claim : [];
    for (const entry of entries) if (typeof entry === 'string' && entry !== '') scopes.add(entry);
  }
  return scopes;
};

/**
 * Whether a string is one OAuth scope token (RFC 6749 §3.3: printable ASCII without space, `"` or `\`).
 *
 * @example
 * ```ts
 * isScopeToken('conversations:read'); // true
 * isScopeToken('two words'); // false
 * ```
 */
export const isScopeToken = (value: string): boolean => /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(value);
