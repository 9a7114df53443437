/**
 * The personal data in what the tests send: phone numbers and addresses, names, email addresses, and
 * message and transcript text, found by the field names Genesys and Open Messaging use for them. The
 * leak watch looks for every such value in the local system's logs.
 */

const PERSONAL_FIELDS = new Set([
  'ani',
  'dnis',
  'addressFrom',
  'addressTo',
  'addressOther',
  'addressSelf',
  'addressRaw',
  'phoneNumber',
  'email',
  'name',
  'nickname',
  'firstName',
  'lastName',
  'displayName',
  'transcript',
  'text',
  'textBody',
  'subject',
]);

// Shorter values (a one-word name, "hi") could turn up in logs by chance.
export const MIN_PERSONAL_LENGTH = 8;

/** Every personal value in a request body: JSON, or a form whose `webhook` field holds JSON. */
export const personalDataIn = (body: unknown): string[] => {
  if (typeof body !== 'string') return [];
  const found: string[] = [];
  for (const text of [body, ...webhookFields(body)]) collect(parseJson(text), found);
  return found.filter((value) => value.length >= MIN_PERSONAL_LENGTH);
};

const collect = (value: unknown, found: string[], depth = 0): void => {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (PERSONAL_FIELDS.has(key) && typeof child === 'string') found.push(child);
    else collect(child, found, depth + 1);
  }
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const webhookFields = (body: string): string[] => {
  try {
    return new URLSearchParams(body).getAll('webhook');
  } catch {
    return [];
  }
};
