import { afterEach, describe, expect, it } from '@jest/globals';
import { CliError } from '../cli/errors';
import { accepted, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';
import type { ArchivedEvent, LocalRule } from './local-archive';
import { deliverToService, type Invoke, lambdaInvoker } from './local-delivery';

const CONTEXT = { account: '000000000000', region: 'eu-west-1' };
const archived = (id: string, detailType: string, detail: Record<string, unknown> = {}): ArchivedEvent => ({
  id,
  time: '2025-03-14T09:00:00.000Z',
  source: 'genesys-events.webhooks',
  'detail-type': detailType,
  detail,
  resources: [],
});
const rule = (fn: string, pattern: LocalRule['pattern']): LocalRule => ({
  function: fn,
  functionName: `genesys-events-dev-${fn}`,
  pattern,
});

const RULES = [
  rule('consume', { 'detail-type': [{ prefix: 'v2.detail.events.conversation.' }, 'conversation:created'] }),
  rule('derive', {
    'detail-type': ['v2.conversations.{id}.transcription'],
    detail: { eventBody: { status: { status: ['SESSION_ENDED'] } } },
  }),
];

/** An invoker that records what it was asked and answers from a script. */
const recordingInvoker = (answer: (name: string, attempt: number) => boolean = () => true) => {
  const calls: { name: string; event: Record<string, unknown> }[] = [];
  const invoke: Invoke = async (name, event) => {
    calls.push({ name, event: event as Record<string, unknown> });
    const attempt = calls.filter((call) => call.name === name).length;
    return answer(name, attempt) ? { ok: true } : { ok: false, reason: 'the function failed (Unhandled)' };
  };
  return { calls, invoke };
};

const noSleep = async () => {};

describe('deliverToService', () => {
  it("delivers each event to the service's functions whose rules match it, and to no other", async () => {
    const { calls, invoke } = recordingInvoker();
    const events = [
      archived('e-1', 'conversation:created'),
      archived('e-2', 'v2.conversations.{id}.transcription', { eventBody: { status: { status: 'SESSION_ENDED' } } }),
      archived('e-3', 'open-messaging.message'),
    ];

    const counts = await deliverToService({
      rules: RULES,
      context: CONTEXT,
      events,
      replayName: 'r-1',
      invoke,
      sleep: noSleep,
    });

    expect(counts).toEqual({ events: 3, matched: 2, delivered: 2, failed: 0 });
    expect(calls.map(({ name, event }) => [name, event.id])).toEqual([
      ['genesys-events-dev-consume', 'e-1'],
      ['genesys-events-dev-derive', 'e-2'],
    ]);
  });

  it('hands the function the EventBridge event of the archived one, with the replay name a cloud replay adds', async () => {
    const { calls, invoke } = recordingInvoker();

    await deliverToService({
      rules: RULES,
      context: CONTEXT,
      events: [archived('e-1', 'conversation:created', { eventBody: { id: 'c-1' } })],
      replayName: 'backfill-analytics-x',
      invoke,
      sleep: noSleep,
    });

    expect(calls[0]?.event).toEqual({
      version: '0',
      id: 'e-1',
      'detail-type': 'conversation:created',
      source: 'genesys-events.webhooks',
      account: '000000000000',
      time: '2025-03-14T09:00:00.000Z',
      region: 'eu-west-1',
      resources: [],
      detail: { eventBody: { id: 'c-1' } },
      'replay-name': 'backfill-analytics-x',
    });
  });

  it('retries a failing function, then counts and reports it by function and event id', async () => {
    const { calls, invoke } = recordingInvoker((name, attempt) => name.endsWith('consume') && attempt >= 2);
    const failures: string[] = [];
    const slept: number[] = [];
    const events = [
      archived('ok-on-retry', 'conversation:created'),
      archived('never', 'v2.conversations.{id}.transcription', { eventBody: { status: { status: 'SESSION_ENDED' } } }),
    ];

    const counts = await deliverToService({
      rules: RULES,
      context: CONTEXT,
      events,
      replayName: 'r',
      invoke,
      sleep: async (ms) => {
        slept.push(ms);
      },
      attempts: 3,
      retryDelayMs: 300,
      onFailure: (failed, event, reason) => failures.push(`${failed.function} ${event.id} ${reason}`),
    });

    expect(counts).toEqual({ events: 2, matched: 2, delivered: 1, failed: 1 });
    expect(calls).toHaveLength(2 + 3);
    expect(slept).toEqual([300, 300, 300]);
    expect(failures).toEqual(['derive never the function failed (Unhandled)']);
  });

  it('stops with the function named when a rule cannot be evaluated locally', async () => {
    const { invoke } = recordingInvoker();

    const delivery = deliverToService({
      rules: [rule('odd', { detail: { ip: [{ cidr: '10.0.0.0/8' }] } })],
      context: CONTEXT,
      events: [archived('e', 'x', { ip: '10.0.0.1' })],
      replayName: 'r',
      invoke,
      sleep: noSleep,
    });

    await expect(delivery).rejects.toThrow(CliError);
    await expect(delivery).rejects.toThrow('the rule of odd cannot be evaluated locally');
  });
});

describe('lambdaInvoker', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => server?.close());

  it("posts the event to serverless-offline's invoke route of the function", async () => {
    server = await scriptedServer(() => accepted());

    const result = await lambdaInvoker(server.url, 5000)('genesys-events-dev-consume', { id: 'e-1' });

    expect(result).toEqual({ ok: true });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/2015-03-31/functions/genesys-events-dev-consume/invocations',
      body: '{"id":"e-1"}',
    });
  });

  it("reads a function's error (200 with X-Amz-Function-Error, as offline answers it) as a failure", async () => {
    server = await scriptedServer(() => ({
      status: 200,
      headers: { 'x-amz-function-error': 'Unhandled' },
      body: { errorMessage: 'conversation c-1 of +353015550187', errorType: 'Error' },
    }));

    const result = await lambdaInvoker(server.url, 5000)('f', {});

    // The message can hold event content: the reason names the kind of error only.
    expect(result).toEqual({ ok: false, reason: 'the function failed (Unhandled)' });
  });

  it('reads a missing function (404) as a failure', async () => {
    server = await scriptedServer(() => ({ status: 404, body: { Message: 'Function not found' } }));

    expect(await lambdaInvoker(server.url, 5000)('nope', {})).toEqual({
      ok: false,
      reason: 'no such function: restart the local system',
    });
  });

  it('fails the whole backfill when nothing listens', async () => {
    server = await scriptedServer(() => accepted());
    const url = server.url;
    await server.close();
    server = undefined;

    await expect(lambdaInvoker(url, 5000)('f', {})).rejects.toThrow('start the local system first');
  });
});
