import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_EVENTBRIDGE_API_KEYS, DEV_OPEN_MESSAGING_SECRETS, DEV_SECRETS } from './dev-secrets';
import { personalDataIn } from './personal-data';

// The leak watch: everything the local system logs during the integration run goes to one file, every
// secret-like value the tests send (signatures, API keys, bearer tokens, and the MACs the server would
// compute for the bodies) goes to another, and the teardown checks that none of the second appears in the first.
const watchDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'integration');
export const SYSTEM_LOG = join(watchDir, 'local-system.log');
const SENT_SECRETS = join(watchDir, 'sent-secrets.txt');
const SENT_PERSONAL_DATA = join(watchDir, 'sent-personal-data.txt');

const SECRET_HEADERS = [
  'x-genesys-signature',
  'x-genesys-webhook-signature',
  'x-hub-signature-256',
  'x-api-key',
  'authorization',
];
const ALL_SECRETS = [
  ...Object.values(DEV_SECRETS),
  ...Object.values(DEV_OPEN_MESSAGING_SECRETS),
  ...Object.values(DEV_EVENTBRIDGE_API_KEYS),
];
// Values shorter than this could appear in logs by chance (a truncated signature in a test, say).
const MIN_WATCHED_LENGTH = 16;

/** Starts a fresh watch (called once by the global setup). */
export const resetLeakWatch = (): void => {
  rmSync(watchDir, { recursive: true, force: true });
  mkdirSync(watchDir, { recursive: true });
};

/** Appends what the local system printed. */
export const recordSystemOutput = (chunk: string): void => appendFileSync(SYSTEM_LOG, chunk);

/**
 * Remembers the secret-like values of a request the tests send (header values and the MACs of its body)
 * and the personal data in its body (numbers, names, message and transcript text).
 */
export const recordSentSecrets = (init: RequestInit): void => {
  const personal = personalDataIn(init.body);
  if (personal.length > 0)
    appendFileSync(SENT_PERSONAL_DATA, personal.map((value) => `${JSON.stringify(value)}\n`).join(''));
  const values: string[] = [];
  const headers = new Headers(init.headers);
  for (const name of SECRET_HEADERS) {
    const value = headers.get(name);
    if (value) values.push(value, value.replace(/^(sha256=|bearer +)/i, ''), ...tokenSignatures(value));
  }
  if (typeof init.body === 'string') {
    const signed = [init.body, ...formWebhookFields(init.body)];
    for (const secret of ALL_SECRETS) {
      for (const text of signed) {
        const mac = createHmac('sha256', secret).update(text).digest();
        values.push(mac.toString('hex'), mac.toString('base64'));
      }
    }
  }
  appendFileSync(
    SENT_SECRETS,
    values
      .filter((value) => value.length >= MIN_WATCHED_LENGTH)
      .map((value) => `${value}\n`)
      .join(''),
  );
};

/** Remembers a bearer token the tests obtained (from the issuer's token endpoint), sent or not. */
export const recordSentToken = (token: string): void =>
  recordSentSecrets({ headers: { authorization: `Bearer ${token}` } });

/** The signature segment of a JWT-looking credential: a log must not carry it either. */
const tokenSignatures = (value: string): string[] => {
  const parts = value.replace(/^bearer +/i, '').split('.');
  return parts.length === 3 && parts[2] ? [parts[2]] : [];
};

/** Every watched value that appears in the local system's output, and how much was checked. */
export const findLeaks = (): { leaks: string[]; watched: number; personal: number; logBytes: number } => {
  const log = existsSync(SYSTEM_LOG) ? readFileSync(SYSTEM_LOG, 'utf8') : '';
  const sent = existsSync(SENT_SECRETS) ? readFileSync(SENT_SECRETS, 'utf8').split('\n') : [];
  const watched = new Set([...ALL_SECRETS, ...sent].filter((value) => value.length >= MIN_WATCHED_LENGTH));
  const personal = new Set(sentPersonalData());
  // Logs are JSON lines: a value shows there as it was sent, or escaped as a JSON string.
  const inLog = (value: string) => log.includes(value) || log.includes(JSON.stringify(value).slice(1, -1));
  const leaks = [...watched, ...personal].filter(inLog);
  return { leaks, watched: watched.size, personal: personal.size, logBytes: log.length };
};

const sentPersonalData = (): string[] =>
  existsSync(SENT_PERSONAL_DATA)
    ? readFileSync(SENT_PERSONAL_DATA, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string)
    : [];

const formWebhookFields = (body: string): string[] => {
  try {
    return new URLSearchParams(body).getAll('webhook');
  } catch {
    return [];
  }
};
