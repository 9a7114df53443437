/** Header maps as Lambda events carry them: REST keeps the sender's casing, HTTP APIs lower-case names. */
export type HeaderMap = Readonly<Record<string, string | undefined>>;

/**
 * Looks a header up by name, ignoring case, as HTTP requires.
 *
 * @example
 * ```ts
 * headerValue({ 'X-Genesys-Signature': 'ab12' }, 'x-genesys-signature'); // 'ab12'
 * ```
 */
export const headerValue = (headers: HeaderMap | null | undefined, name: string): string | undefined => {
  if (!headers) return undefined;
  const exact = headers[name];
  if (exact !== undefined) return exact;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
};

/**
 * The media type of a Content-Type header, lower-cased and without parameters.
 *
 * @example
 * ```ts
 * mediaType('Application/JSON; charset=utf-8'); // 'application/json'
 * ```
 */
export const mediaType = (contentType: string | undefined): string | undefined => {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type ? type : undefined;
};
