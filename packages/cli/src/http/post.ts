import type { PreparedRequest } from './transports';

/**
 * What the system answered: the status, the text and, when the text is JSON, its value.
 *
 * @example
 * ```ts
 * const answer: Answer = await post(url, request);
 * answer.status; // 200
 * ```
 */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

/**
 * No answer at all: nothing listening, the connection dropped, or no answer within the timeout.
 *
 * @example
 * ```ts
 * try { await post(url, request) } catch (error) { if (error instanceof NoAnswerError) retryLater(); }
 * ```
 */
export class NoAnswerError extends Error {
  readonly reason: 'timeout' | 'unreachable';

  constructor(reason: 'timeout' | 'unreachable', message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NoAnswerError';
    this.reason = reason;
  }
}

/**
 * Genesys gives a webhook ten seconds before it counts the attempt as failed.
 *
 * @example
 * ```ts
 * await post(url, request, DEFAULT_TIMEOUT_MS);
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Joins a base URL and a route. A base with a path (a stage URL) keeps it, unlike `new URL(path, base)`.
 *
 * @example
 * ```ts
 * urlOf('https://api.example.com/prod/', '/webhooks/genesys'); // 'https://api.example.com/prod/webhooks/genesys'
 * ```
 */
export const urlOf = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;

/**
 * Posts a prepared request and reads the answer. Throws {@link NoAnswerError} when there is none.
 *
 * @example
 * ```ts
 * const answer = await post('http://127.0.0.1:3000', request);
 * answer.status; // 200
 * ```
 */
export const post = (base: string, request: PreparedRequest, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Answer> =>
  exchange(
    urlOf(base, request.path),
    { method: 'POST', headers: { ...request.headers }, body: request.body },
    timeoutMs,
  );

/**
 * Gets a route and reads the answer, with extra headers (an `Authorization` bearer token) when given.
 *
 * @example
 * ```ts
 * (await get('http://127.0.0.1:3000', '/conversations/c-1')).json;
 * ```
 */
export const get = (
  base: string,
  path: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  headers: Readonly<Record<string, string>> = {},
): Promise<Answer> => exchange(urlOf(base, path), { method: 'GET', headers: { ...headers } }, timeoutMs);

/**
 * Sends any request and reads the answer. Throws {@link NoAnswerError} when there is none.
 *
 * @example
 * ```ts
 * await exchange('http://127.0.0.1:4050/token', { method: 'POST', body: 'scope=analytics:read' }, 5000);
 * ```
 */
export const exchange = async (url: string, init: RequestInit, timeoutMs: number): Promise<Answer> => {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    if (timedOut) throw new NoAnswerError('timeout', `no answer from ${url} within ${timeoutMs} ms`, { cause: error });
    const detail = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new NoAnswerError('unreachable', `nothing answers at ${url} (${detail})`, { cause: error });
  }
  return { status: response.status, text, json: parseJson(text) };
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * A one-line description of an answer for people: the status and what the body says.
 *
 * @example
 * ```ts
 * describeAnswer({ status: 200, text, json: { status: 'accepted', eventId: 'e-1', detailType: 'conversation:created' } });
 * // '200 accepted conversation:created (event e-1)'
 * ```
 */
export const describeAnswer = ({ status, text, json }: Answer): string => {
  if (typeof json === 'object' && json !== null) {
    const body = json as Record<string, unknown>;
    if (typeof body.status === 'string') {
      const event = typeof body.eventId === 'string' ? ` (event ${body.eventId})` : '';
      return `${status} ${body.status} ${String(body.detailType ?? '')}${event}`.replace(/\s+/g, ' ').trim();
    }
    const label = [body.error, body.message].filter((part) => typeof part === 'string').join(': ');
    if (label) return `${status} ${label}`;
  }
  return `${status} ${text.slice(0, 200)}`.trim();
};
