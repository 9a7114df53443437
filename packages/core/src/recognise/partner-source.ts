/** Every Genesys partner event source starts with this; EventBridge rules match it as a prefix. */
export const GENESYS_PARTNER_SOURCE_PREFIX = 'aws.partner/genesys.com';

/** The parts of a partner event source name `aws.partner/genesys.com/cloud/<orgId>/<suffix>`. */
export interface PartnerSource {
  readonly orgId: string;
  readonly suffix: string;
}

const PARTNER_SOURCE =
  /^aws\.partner\/genesys\.com(?:\.[a-z0-9-]+)?\/cloud\/([0-9a-fA-F-]{36})\/([A-Za-z0-9._-]{1,64})$/;

/**
 * Parses a Genesys partner event source name; undefined when the name is not one.
 * (Genesys test environments use `genesys.com.<env>`, which the same prefix rule also matches.)
 *
 * @example
 * ```ts
 * parsePartnerSource('aws.partner/genesys.com/cloud/5b2e0c8a-1d4f-4e6a-9b7c-3f2a1e0d9c8b/contact-center');
 * // { orgId: '5b2e0c8a-...', suffix: 'contact-center' }
 * ```
 */
export const parsePartnerSource = (source: string): PartnerSource | undefined => {
  const match = PARTNER_SOURCE.exec(source);
  if (!match?.[1] || !match[2]) return undefined;
  return { orgId: match[1].toLowerCase(), suffix: match[2] };
};

/**
 * Whether an event source is a well-formed Genesys partner source name, and of an allowed org when an
 * allowlist is given. The whole name is checked, not a prefix: `aws.partner/genesys.community/...` or
 * `aws.partner/genesys.com.attacker.example/...` are not Genesys.
 *
 * @example
 * ```ts
 * isAllowedPartnerSource(envelope.source, { orgIds: [] }); // any Genesys org
 * ```
 */
export const isAllowedPartnerSource = (source: string, { orgIds }: { orgIds: readonly string[] }): boolean => {
  const parsed = parsePartnerSource(source);
  if (parsed === undefined) return false;
  return orgIds.length === 0 || orgIds.some((orgId) => orgId.toLowerCase() === parsed.orgId);
};
