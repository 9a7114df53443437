import { MalformedPayloadError } from '../errors';

/**
 * Decodes an `application/x-www-form-urlencoded` body strictly: `+` is a space and every `%` must start a
 * valid UTF-8 escape. Lenient decoders keep broken escapes as text, which would let two parsers read
 * different values out of the same signed body.
 *
 * @example
 * ```ts
 * parseFormFields('webhook=%7B%7D&signature=ab').get('webhook'); // ['{}']
 * ```
 */
export const parseFormFields = (body: string): Map<string, string[]> => {
  const fields = new Map<string, string[]>();
  if (body.length === 0) return fields;
  for (const pair of body.split('&')) {
    if (pair.length === 0) continue;
    const separator = pair.indexOf('=');
    const name = decodeComponent(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? '' : decodeComponent(pair.slice(separator + 1));
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
};

/**
 * The single value of a form field; absent and repeated fields are errors because a repeated field makes
 * it ambiguous which value was signed.
 *
 * @example
 * ```ts
 * singleField(parseFormFields('a=1'), 'a', { required: true }); // '1'
 * ```
 */
export const singleField = (
  fields: Map<string, string[]>,
  name: string,
  { required }: { required: boolean },
): string | undefined => {
  const values = fields.get(name);
  if (!values) {
    if (required) throw new MalformedPayloadError('missing_field', `form field "${name}" is missing`);
    return undefined;
  }
  if (values.length > 1) {
    throw new MalformedPayloadError('duplicate_field', `form field "${name}" appears ${values.length} times`);
  }
  return values[0];
};

const decodeComponent = (text: string): string => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch (cause) {
    throw new MalformedPayloadError('invalid_percent_encoding', 'form body has an invalid percent-encoding', {
      cause,
    });
  }
};
