import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { verifySignature } from '@genesys-events/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli } from '../test-support/memory-io';
import { accepted, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';

const BODY = '{"eventType":"conversation:created","conversation":{"id":"c-sign"}}';
let server: ScriptedServer;
let answer: () => ReturnType<typeof accepted> = () => accepted();

beforeAll(async () => {
  server = await scriptedServer(() => answer());
});
beforeEach(() => {
  answer = () => accepted();
});
afterAll(() => server.close());

const lastRequest = () => server.requests.at(-1);

describe('genesys-events sign', () => {
  it('prints the route, the headers and the exact body', async () => {
    const { code, stdout } = await runCli(['sign', '--delivery-id', 'd-1'], { stdin: BODY });

    const [head, body] = stdout.split('\n\n');
    expect(code).toBe(0);
    expect(body).toBe(BODY);
    expect(head?.split('\n')).toEqual([
      'POST /webhooks/genesys',
      'content-type: application/json',
      expect.stringMatching(/^x-genesys-signature: [0-9a-f]{64}$/),
      'x-genesys-delivery-id: d-1',
    ]);
  });

  it('prints machine-readable headers that verify', async () => {
    const { stdout } = await runCli(['sign', '--scheme', 'open-messaging', '--json'], { stdin: BODY });

    const signed = JSON.parse(stdout) as { headers: Record<string, string>; body: string; path: string };
    expect(signed.path).toBe('/webhooks/open-messaging');
    expect(() =>
      verifySignature({
        scheme: 'open-messaging',
        body: { body: signed.body },
        headers: signed.headers,
        secrets: ['test-open-messaging-secret'],
      }),
    ).not.toThrow();
  });

  it('prints a curl command for the form scheme', async () => {
    const { stdout } = await runCli(['sign', '--scheme', 'seed-form', '--curl', '--url', 'http://h:1/'], {
      stdin: BODY,
    });

    expect(stdout).toMatch(
      /^curl -sS -X POST 'http:\/\/h:1\/webhooks\/genesys' -H 'content-type: application\/x-www-form-urlencoded' --data-raw 'webhook=%7B.*&signature=[0-9a-f]{64}'\n$/,
    );
  });

  const hasCurl = spawnSync('curl', ['--version']).status === 0;
  (hasCurl ? it : it.skip)(
    'prints a curl command that sends the exact bytes, quotes and newlines included',
    async () => {
      const body = `{"text":"it's \\"quoted\\" $HOME \`date\`"}\n`;
      const { stdout } = await runCli(['sign', '--curl', '--url', server.url], { stdin: body });

      // Asynchronously: the server answering curl runs in this process.
      await promisify(execFile)('sh', ['-c', stdout]);

      const request = lastRequest();
      expect(request?.body).toBe(body);
      expect(() =>
        verifySignature({
          scheme: 'seed-header',
          body: { body: request?.body },
          headers: request?.headers as Record<string, string>,
          secrets: ['test-genesys-secret'],
        }),
      ).not.toThrow();
    },
  );
});

describe('genesys-events send', () => {
  it.each([
    ['a seed event', BODY, '/webhooks/genesys'],
    [
      'a Genesys partner envelope',
      '{"detail-type":"v2.x.{id}.y","source":"aws.partner/genesys.com/cloud/0c6f2a4e-7b1d-4e38-9a5c-d2e4f6a8b0c1/s","detail":{}}',
      '/webhooks/eventbridge',
    ],
    [
      'an Open Messaging message',
      '{"id":"m","channel":{"time":"2026-01-15T10:00:00.000Z"}}',
      '/webhooks/open-messaging',
    ],
  ])('posts %s to its route and prints the answer', async (_, body, path) => {
    const { code, stdout } = await runCli(['send', '--url', server.url], { stdin: body });

    expect(code).toBe(0);
    expect(lastRequest()?.path).toBe(path);
    expect(lastRequest()?.body).toBe(body);
    expect(stdout).toMatch(/: 200 accepted conversation:created \(event evt-test\)\n$/);
  });

  it('exits 1 with the answer on a non-2xx answer', async () => {
    answer = () => ({ status: 401, body: { error: 'unauthorized', message: 'the signature does not match' } });

    const { code, stdout, stderr } = await runCli(['send', '--url', server.url, '--json'], { stdin: BODY });

    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 401,
      transport: 'genesys-header',
      answer: { error: 'unauthorized' },
    });
    expect(stderr).toBe('genesys-events: the system answered 401 unauthorized: the signature does not match\n');
  });

  it('follows --transport, even for a body that is not JSON', async () => {
    await runCli(['send', '--url', server.url, '--transport', 'genesys-form'], { stdin: 'not json' });

    expect(lastRequest()?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
