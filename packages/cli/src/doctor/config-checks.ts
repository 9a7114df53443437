import { parsePartnerSource, parseSecretList } from '@genesys-events/core';
import type { RawSetting, Settings } from '../config/settings';
import { describeSurroundingWhitespace, type Finding, finding } from './finding';

/** The secret lists and the route each one protects. */
const SECRET_LISTS = [
  { name: 'GENESYS_WEBHOOK_SECRETS', route: '/webhooks/genesys', what: 'secret' },
  { name: 'OPEN_MESSAGING_SECRETS', route: '/webhooks/open-messaging', what: 'secret' },
  { name: 'EVENTBRIDGE_API_KEYS', route: '/webhooks/eventbridge', what: 'API key' },
] as const;

const where = (raw: RawSetting): string => (raw.from === 'environment' ? 'in your environment' : 'in .env.dev');

/**
 * Checks one secret list on its raw value, before the trimming the services do: unset or empty lists, and
 * entries with surrounding whitespace (harmless to the service, which trims, but a sender that copied the
 * value signs with a different secret than the one the service uses).
 *
 * @example
 * ```ts
 * checkSecretList('GENESYS_WEBHOOK_SECRETS', { value: 'current\n', from: 'environment' });
 * ```
 */
export const checkSecretList = (name: (typeof SECRET_LISTS)[number]['name'], raw: RawSetting): Finding[] => {
  const list = SECRET_LISTS.find((entry) => entry.name === name) ?? SECRET_LISTS[0];
  const entries = parseSecretList(raw.value);
  if (entries.length === 0) {
    const state = raw.value === undefined ? 'is not set' : `is empty ${where(raw)}`;
    return [
      finding(
        'problem',
        name,
        `${state}: ${list.route} has no ${list.what} and answers 401 to everything. Set it in your shell or in .env.dev (comma-separated, current first).`,
      ),
    ];
  }
  const findings: Finding[] = [];
  for (const [index, entry] of (raw.value ?? '').split(',').entries()) {
    const whitespace = entry.trim() === '' ? undefined : describeSurroundingWhitespace(entry);
    if (whitespace === undefined) continue;
    findings.push(
      finding(
        'problem',
        name,
        `entry ${index + 1} ${where(raw)} has ${whitespace}. The service trims it, so a sender that copied the value as it is signs with a different ${list.what}: remove the whitespace.`,
      ),
    );
  }
  if ((raw.value ?? '').split(',').some((entry) => entry.trim() === '')) {
    findings.push(finding('note', name, 'has an empty entry (a stray comma); it is ignored'));
  }
  const others = entries.length === 2 ? 'the second is' : `the other ${entries.length - 1} are`;
  const rotation = entries.length > 1 ? `; the first signs, ${others} still accepted (rotation)` : '';
  findings.push(finding('ok', name, `${entries.length} ${list.what}(s) ${where(raw)}${rotation}`));
  return findings;
};

const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks every secret list and the API key header name.
 *
 * @example
 * ```ts
 * checkSecrets(loadSettings(io)).filter((item) => item.level === 'problem');
 * ```
 */
export const checkSecrets = (settings: Settings): Finding[] => {
  const findings = SECRET_LISTS.flatMap(({ name }) => checkSecretList(name, settings.raw[name]));
  const header = settings.raw.EVENTBRIDGE_API_KEY_HEADER;
  if (header.value !== undefined && !HEADER_TOKEN.test(header.value)) {
    const whitespace = describeSurroundingWhitespace(header.value);
    const reason = whitespace ? `has ${whitespace}` : 'is not a valid HTTP header name';
    findings.push(finding('problem', 'EVENTBRIDGE_API_KEY_HEADER', `${reason} ${where(header)}`));
  }
  return findings;
};

/**
 * Checks a partner event source name against `aws.partner/genesys.com/cloud/<orgId>/<suffix>` and says which
 * part is wrong; also that its org is one `GENESYS_ORG_IDS` lets in.
 *
 * @example
 * ```ts
 * checkPartnerSource('aws.partner/genesys.com/cloud/not-an-org/x', []); // [{ level: 'problem', ... }]
 * ```
 */
export const checkPartnerSource = (value: string | undefined, orgIds: readonly string[]): Finding[] => {
  const check = 'partner source';
  if (value === undefined || value === '') {
    return [
      finding(
        'note',
        check,
        'not set (GENESYS_PARTNER_EVENT_SOURCE): fine locally; a stage without it has no partner bus',
      ),
    ];
  }
  const whitespace = describeSurroundingWhitespace(value);
  if (whitespace) return [finding('problem', check, `"${value.trim()}" has ${whitespace}: remove it`)];
  const parsed = parsePartnerSource(value);
  if (!parsed)
    return [
      finding(
        'problem',
        check,
        `"${value}" ${whyNotPartnerSource(value)}; expected aws.partner/genesys.com/cloud/<orgId>/<suffix>`,
      ),
    ];
  if (orgIds.length > 0 && !orgIds.some((orgId) => orgId.toLowerCase() === parsed.orgId)) {
    return [
      finding('problem', check, `org ${parsed.orgId} is not in GENESYS_ORG_IDS, so its events would be refused (403)`),
    ];
  }
  return [finding('ok', check, `org ${parsed.orgId}, suffix ${parsed.suffix}`)];
};

const whyNotPartnerSource = (value: string): string => {
  const match = /^aws\.partner\/genesys\.com(?:\.[a-z0-9-]+)?\/(.*)$/.exec(value);
  if (!match) return 'does not start with aws.partner/genesys.com/';
  const [cloud, orgId, suffix, ...rest] = (match[1] ?? '').split('/');
  if (cloud !== 'cloud') return 'lacks the /cloud/ segment after the prefix';
  if (!orgId || !/^[0-9a-fA-F-]{36}$/.test(orgId))
    return `has "${orgId ?? ''}" where the Genesys org id (a UUID) belongs`;
  if (rest.length > 0) return 'has more segments than <orgId>/<suffix>';
  if (!suffix) return 'has no suffix after the org id';
  if (suffix.length > 64) return `has a suffix of ${suffix.length} characters (at most 64)`;
  return 'has a suffix with characters other than letters, digits, dot, underscore and hyphen';
};
