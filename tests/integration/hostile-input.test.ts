import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { analyticsPresent, HOSTILE_CASES, PROTOTYPE_CASE_PREFIX } from './fixtures/hostile-cases';
import {
  ALL_DEV_CREDENTIALS,
  credentialsSentBy,
  type ExpectedStatus,
  eventBridgeRequest,
  fetchHeaders,
  type HostileCase,
  type HostileRequest,
  openMessageJson,
  openMessagingRequest,
  partnerEnvelope,
  recordSent,
  seedFormRequest,
  seedHeaderRequest,
  seedJson,
  signedForm,
} from './fixtures/hostile-requests';
import { request, waitForConversation } from './http-client';
import { baseUrl } from './local-system';
import { findMarkers, waitForStoresToSettle } from './stores';
import { prepareReaderToken } from './tokens';

/**
 * Hostile input on every route of the real local system. Each case sends one malformed or hostile request
 * carrying a fresh marker and checks the answer: the status the contract requires, never a 5xx, never a
 * dropped connection, a JSON body that never repeats a secret, key or signature. At the end every
 * `genesys-events-dev-*` table is scanned: no marker of a rejected request may have been stored.
 *
 * Cases marked as known bugs (`it.failing`) assert the correct answer; see `knownBug` in the table.
 */

/** What one case saw. */
interface Observation {
  readonly title: string;
  readonly marker: string;
  status?: number;
  dropped?: string;
  /** The Lambda behind the route failed (see {@link lambdaFailureIn}): a server error whatever the status says. */
  crashed?: string | undefined;
  /** The first attempt failed this way and the request was sent once more. */
  retriedAfter?: string;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * serverless-offline answers a Lambda that threw or timed out on an HTTP API route with status 200 and the
 * error as the body (`errorMessage`, `errorType`, `stackTrace`), not with API Gateway's 5xx. Such an answer is
 * a server error, whatever its status.
 */
const lambdaFailureIn = (json: unknown): string | undefined => {
  if (typeof json !== 'object' || json === null) return undefined;
  const { errorType, errorMessage } = json as { errorType?: unknown; errorMessage?: unknown };
  return typeof errorType === 'string' && 'stackTrace' in json ? `${errorType}: ${String(errorMessage)}` : undefined;
};

/** Whether an observation is a server error: a 5xx, or a Lambda failure behind another status. */
const isServerError = (observation: Observation): boolean =>
  (observation.status ?? 0) >= 500 || observation.crashed !== undefined;

const observations: Observation[] = [];

const REQUEST_TIMEOUT_MS = 45_000;

const expectedText = (expected: ExpectedStatus): string =>
  expected === 'any-4xx' ? 'any 4xx' : typeof expected === 'number' ? String(expected) : expected.join(' or ');

const titleOf = (hostileCase: HostileCase): string =>
  `${hostileCase.route}: ${hostileCase.name} -> ${expectedText(hostileCase.expected)}`;

/** Sends a request; a request that throws (reset, refused, hung) is recorded as dropped and fails the case. */
const send = async (
  hostileRequest: HostileRequest,
  observation: Observation,
): Promise<{ response: Response; text: string }> => {
  recordSent(hostileRequest);
  try {
    const response = await fetch(`${baseUrl}${hostileRequest.path}`, {
      method: hostileRequest.method,
      headers: fetchHeaders(hostileRequest),
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(hostileRequest.body === undefined ? {} : { body: hostileRequest.body }),
    });
    const text = await response.text();
    observation.status = response.status;
    return { response, text };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    observation.dropped = `${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`;
    throw new Error(`the connection was dropped: ${observation.dropped}`);
  }
};

const runCase = async (title: string, hostileCase: HostileCase): Promise<void> => {
  const marker = randomUUID();
  const hostileRequest = hostileCase.build(marker);
  const observation: Observation = { title, marker };
  observations.push(observation);

  let { response, text } = await send(hostileRequest, observation);
  let json = parseJson(text);
  // A Lambda that failed (timeout, module load) is sent the same request once more: a failure that the input
  // causes fails again, while one caused by a cold start or a rebuild of the bundles under the running system
  // (other work in the same checkout) does not. Retries are counted and printed.
  const firstFailure = lambdaFailureIn(json);
  if (firstFailure !== undefined) {
    observation.retriedAfter = firstFailure;
    ({ response, text } = await send(hostileRequest, observation));
    json = parseJson(text);
  }
  const { status } = response;
  observation.crashed = lambdaFailureIn(json);

  // Never a server error, whatever the case expects.
  expect(observation.crashed).toBeUndefined();
  expect(status).toBeLessThan(500);
  if (hostileCase.expected === 'any-4xx') {
    expect(status).toBeGreaterThanOrEqual(400);
  } else {
    expect([hostileCase.expected].flat()).toContain(status);
  }

  // Always a JSON object, except when the HTTP server itself refused the header block with no body.
  if (!(hostileCase.bodyMayBeEmpty && text === '')) {
    expect(typeof json === 'object' && json !== null && !Array.isArray(json)).toBe(true);
    if (status >= 200 && status < 300 && hostileRequest.path.startsWith('/webhooks/')) {
      expect(['accepted', 'duplicate']).toContain((json as { status?: unknown }).status);
    }
  }

  // Never a secret, key or the signature it was sent with, in the body or any header.
  const answer = `${text}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
  for (const credential of [...ALL_DEV_CREDENTIALS, ...credentialsSentBy(hostileRequest)]) {
    expect(answer.includes(credential)).toBe(false);
  }

  if (status === 405) expect(response.headers.get('allow')).toContain('POST');

  // An event the route accepted is an event the consumers can store: 200 is a promise, not a dead letter.
  if (hostileCase.storedWhenAccepted && status >= 200 && status < 300) {
    expect((await waitForConversation(marker, 1, 5000)).status).toBe(200);
  }
};

const rows = (cases: readonly HostileCase[]): [string, HostileCase][] =>
  cases.map((hostileCase) => [titleOf(hostileCase), hostileCase]);

const expectedCases = HOSTILE_CASES.filter((hostileCase) => hostileCase.knownBug === undefined);
const knownBugCases = HOSTILE_CASES.filter((hostileCase) => hostileCase.knownBug !== undefined);

/**
 * Loads every HTTP function once with a harmless request, so that a cold start (which may outlast the Lambda
 * timeout on a busy machine) is not mistaken for a failure of the first hostile case that reaches it.
 */
const warmUp = async (): Promise<void> => {
  const paths = [
    '/webhooks/genesys',
    '/webhooks/open-messaging',
    '/webhooks/eventbridge',
    '/conversations/warm-up',
    ...(analyticsPresent() ? ['/analytics/summary', '/analytics/conversations/warm-up'] : []),
  ];
  const deadline = Date.now() + 60_000;
  for (const path of paths) {
    while (Date.now() < deadline) {
      const answer = await request(path).catch(() => undefined);
      if (answer && answer.status < 500 && lambdaFailureIn(answer.json) === undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
};

describe('hostile input through the real local stack', () => {
  beforeAll(async () => {
    await prepareReaderToken();
    await warmUp();
  }, 90_000);

  it.each(rows(expectedCases))('%s', async (title, hostileCase) => {
    await runCase(title, hostileCase);
  });

  // Known bugs (see each case's `knownBug`): the cases assert the correct answer and fail until fixed.
  it.failing.each(rows(knownBugCases))('known bug: %s', async (title, hostileCase) => {
    await runCase(title, hostileCase);
  });

  it('keeps working after the prototype-pollution attempts', async () => {
    // Fresh, ordinary deliveries on every webhook route are still accepted...
    const conversationId = randomUUID();
    const answers = await Promise.all(
      [
        seedHeaderRequest(seedJson(conversationId)),
        seedFormRequest(signedForm(seedJson(randomUUID()))),
        openMessagingRequest(openMessageJson(randomUUID())),
        eventBridgeRequest(partnerEnvelope(randomUUID())),
      ].map((ordinary) =>
        request(ordinary.path, {
          method: ordinary.method,
          headers: fetchHeaders(ordinary),
          body: ordinary.body ?? null,
        }),
      ),
    );
    expect(answers.map((answer) => [answer.status, answer.json.status])).toEqual([
      [200, 'accepted'],
      [200, 'accepted'],
      [200, 'accepted'],
      [200, 'accepted'],
    ]);

    // ...and read back with a state nothing was grafted onto.
    const conversation = await waitForConversation(conversationId);
    expect(conversation.status).toBe(200);
    expect(conversation.json.state).toMatchObject({ status: 'active', type: 'call', eventCount: 1 });
    expect(conversation.text).not.toContain('polluted');

    // The conversations the pollution attempts named (when accepted) have plain states too.
    const accepted = observations.filter(
      (observation) => observation.title.includes(PROTOTYPE_CASE_PREFIX) && observation.status === 200,
    );
    for (const observation of accepted) {
      const polluted = await waitForConversation(observation.marker);
      if (polluted.status !== 200) continue; // not a timeline event (or not stored): nothing to read
      const state = polluted.json.state as Record<string, unknown>;
      const events = polluted.json.events as unknown[];
      expect(Object.keys(state)).not.toContain('polluted');
      expect(JSON.stringify(state)).not.toContain('polluted');
      expect(state.status).toBe('active');
      expect(state.eventCount).toBe(events.length);
    }
  });

  it('stores nothing of any rejected request, never answers 5xx and never drops a connection', async () => {
    await waitForStoresToSettle();

    // Rejected: anything but a 2xx from a Lambda that did not fail (a GET's marker is in its path: never stored).
    const rejected = observations.filter(
      (observation) =>
        observation.status === undefined ||
        observation.status < 200 ||
        observation.status >= 300 ||
        observation.crashed !== undefined,
    );
    const hits = await findMarkers(rejected.map((observation) => observation.marker));
    const serverErrors = observations.filter(isServerError);
    const dropped = observations.filter((observation) => observation.dropped !== undefined);
    const storedMarkers = new Set(hits.map((hit) => hit.marker));

    const retried = observations.filter((observation) => observation.retriedAfter !== undefined);
    console.log(
      `hostile-input: ${observations.length} cases, 5xx: ${serverErrors.length}, dropped: ${dropped.length}, unverified stored: ${storedMarkers.size}` +
        (retried.length > 0
          ? `; retried once after a Lambda failure: ${retried.map((each) => `${each.title} (${each.retriedAfter})`).join('; ')}`
          : ''),
    );

    const titleOfMarker = (marker: string) => observations.find((observation) => observation.marker === marker)?.title;
    expect(
      serverErrors.map((observation) => `${observation.title}: ${observation.crashed ?? observation.status}`),
    ).toEqual([]);
    expect(dropped.map((observation) => `${observation.title}: ${observation.dropped}`)).toEqual([]);
    expect(hits.map((hit) => `${titleOfMarker(hit.marker)}: stored in ${hit.table}`)).toEqual([]);
  });
});
