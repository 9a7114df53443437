import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli, temporaryRoot } from '../test-support/memory-io';

/** A temporary repository root with the consumer kit's manifest, which the scaffold takes versions from. */
const repositoryRoot = () => {
  const root = temporaryRoot();
  mkdirSync(join(root, 'packages', 'consumer-kit'), { recursive: true });
  const dependencies = {
    '@aws-lambda-powertools/logger': '9.1.0',
    '@aws-lambda-powertools/metrics': '9.1.0',
    '@middy/core': '9.2.0',
  };
  writeFileSync(join(root, 'packages', 'consumer-kit', 'package.json'), JSON.stringify({ dependencies }));
  return root;
};

describe('genesys-events new service', () => {
  it('writes a service that the root discovers: manifest, configs, functions, starter consumer, test, README', async () => {
    const root = repositoryRoot();

    const { code, stdout } = await runCli(['new', 'service', 'quality-monitoring', '--no-install', '--json'], { root });

    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ service: 'quality-monitoring', installed: false });
    const folder = join(root, 'services', 'quality-monitoring');
    const read = (path: string) => readFileSync(join(folder, path), 'utf8');
    const manifest = JSON.parse(read('package.json'));
    expect(manifest.name).toBe('@genesys-events/quality-monitoring');
    expect(manifest.dependencies).toMatchObject({
      '@middy/core': '9.2.0',
      '@genesys-events/consumer-kit': 'workspace:*',
    });
    expect(read('serverless.yml')).toContain('service: genesys-events-quality-monitoring');
    expect(read('serverless.yml')).toContain('qualityMonitoring: .');
    expect(read('serverless/functions.yml')).toContain('qualityMonitoringLogCustomerEnd:');
    expect(read('serverless/functions.yml')).toContain('deadLetterQueue: quality-monitoring');
    expect(read('serverless/functions.yml')).toContain('- v2.detail.events.conversation.{id}.customer.end');
    expect(read('src/handlers/log-customer-end.ts')).toContain(
      "consumerHandler({ service: 'quality-monitoring', router })",
    );
    for (const path of ['tsconfig.json', 'jest.config.mjs', 'src/handlers/log-customer-end.test.ts', 'README.md']) {
      expect(existsSync(join(folder, path))).toBe(true);
    }
  });

  it('refuses a name that is taken, and one that is no kebab-case name', async () => {
    const root = repositoryRoot();
    await runCli(['new', 'service', 'my-team', '--no-install'], { root });

    const taken = await runCli(['new', 'service', 'my-team', '--no-install'], { root });
    const bad = await runCli(['new', 'service', 'My_Team', '--no-install'], { root });
    const long = await runCli(['new', 'service', 'a'.repeat(25), '--no-install'], { root });

    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('services/my-team exists already') });
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('is no service name') });
    expect(long.code).toBe(1);
  });
});
