import { describe, expect, it } from '@jest/globals';
import { runCli } from './test-support/memory-io';

const COMMANDS = ['sign', 'send', 'trigger', 'replay', 'doctor', 'redrive', 'token'];

describe('argument handling', () => {
  it.each(COMMANDS)('prints help for %s and exits 0', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);

    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: genesys-events ${command}`);
  });

  it('lists every command in the top-level help', async () => {
    const { code, stdout } = await runCli(['--help']);

    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(command);
  });

  it('exits 2 with a one-line reason on an unknown command', async () => {
    const { code, stderr } = await runCli(['tirgger']);

    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'tirgger'");
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await runCli(['send', '--no-such-option']);

    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--no-such-option'");
  });

  it.each([
    [['replay', 'events.ndjson', '--rate', '0'], '--rate takes a positive number'],
    [['replay', 'events.ndjson', '--concurrency', '1.5'], '--concurrency takes a positive integer'],
    [['replay', 'events.ndjson', '--retries', '-1'], 'expected a whole number'],
    [['send', '--timeout', 'soon'], '--timeout takes a positive integer'],
  ])('exits 2 when %j has a bad value', async (argv, reason) => {
    const { code, stderr } = await runCli(argv);

    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });

  it('exits 2 when a required argument or option is missing', async () => {
    expect((await runCli(['replay'])).code).toBe(2);
    expect((await runCli(['redrive'])).stderr).toContain("required option '--queue-url <url>' not specified");
  });

  it('exits 2 naming the problem when trigger gets no event, an unknown event or an unknown transport', async () => {
    const missing = await runCli(['trigger']);
    const unknown = await runCli(['trigger', 'customer.exploded']);
    const transport = await runCli(['trigger', 'customer.end', '--transport', 'carrier-pigeon', '--dry-run']);

    expect([missing.code, unknown.code, transport.code]).toEqual([2, 2, 2]);
    expect(unknown.stderr).toBe(
      'genesys-events: unknown event "customer.exploded": see genesys-events trigger --list\n',
    );
    expect(transport.stderr).toContain('unknown transport "carrier-pigeon"');
  });

  it('rejects a --set without a path', async () => {
    const { code, stderr } = await runCli(['trigger', 'customer.end', '--set', '=x', '--dry-run']);

    expect(code).toBe(2);
    expect(stderr).toContain('bad --set "=x"');
  });

  it('fails in one line when a file argument does not exist', async () => {
    const { code, stderr } = await runCli(['send', 'missing.json']);

    expect(code).toBe(1);
    expect(stderr).toBe('genesys-events: cannot read missing.json: no such file\n');
  });

  it('refuses to route a body that is not JSON unless a transport is forced', async () => {
    const { code, stderr } = await runCli(['send'], { stdin: '{"eventType":' });

    expect(code).toBe(1);
    expect(stderr).toContain('pass --transport to send it anyway');
  });

  it('explains in one line that nothing answers at --url', async () => {
    const { code, stderr } = await runCli(['trigger', 'presence', '--url', 'http://127.0.0.1:9', '--timeout', '2000']);

    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('nothing answers at http://127.0.0.1:9/webhooks/eventbridge');
  });

  it('says which variable to set when there is no secret to sign with', async () => {
    const { code, stderr } = await runCli(['sign', '--scheme', 'open-messaging'], {
      stdin: '{}',
      root: '/nonexistent-root',
    });

    expect(code).toBe(1);
    expect(stderr).toContain('set OPEN_MESSAGING_SECRETS or pass --secret');
  });
});
