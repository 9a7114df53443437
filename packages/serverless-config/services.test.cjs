'use strict';
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const { camelCase, discoverServices, systemParts } = require('./services.cjs');

/** A services/ folder with the given services, each with the given files in its serverless/ folder. */
const servicesFolder = (services) => {
  const root = mkdtempSync(join(tmpdir(), 'genesys-events-services-'));
  for (const [name, files] of Object.entries(services)) {
    mkdirSync(join(root, name, 'serverless'), { recursive: true });
    for (const file of files) writeFileSync(join(root, name, 'serverless', file), '');
  }
  return root;
};

describe('services discovery', () => {
  it('finds every service with serverless/functions.yml, sorted, and nothing else', () => {
    const root = servicesFolder({ 'my-team': ['functions.yml'], analytics: ['functions.yml'], notes: [] });

    expect(discoverServices(root).map((service) => service.name)).toEqual(['analytics', 'my-team']);
  });

  it('includes each service: its functions, its other serverless files as resources, its handler path', () => {
    const root = servicesFolder({
      ingest: ['functions.yml', 'resources.yml', 'partner-bus.cjs', 'notes.md'],
      'my-team': ['functions.yml'],
    });

    const parts = systemParts(root);

    expect(parts.paths).toMatchObject({
      ingest: expect.stringMatching(/ingest$/),
      myTeam: expect.stringMatching(/my-team$/),
    });
    expect(parts.paths.serverlessConfig).toBe('packages/serverless-config');
    expect(parts.functions).toEqual([
      expect.stringMatching(/^\$\{file\(.*ingest\/serverless\/functions\.yml\)\}$/),
      expect.stringMatching(/^\$\{file\(.*my-team\/serverless\/functions\.yml\)\}$/),
    ]);
    expect(parts.resources).toEqual([
      expect.stringMatching(/^\$\{file\(packages\/serverless-config\/operations\.yml\)\}$/),
      expect.stringMatching(/^\$\{file\(packages\/serverless-config\/http-operations\.yml\)\}$/),
      expect.stringMatching(/ingest\/serverless\/partner-bus\.cjs\)\}$/),
      expect.stringMatching(/ingest\/serverless\/resources\.yml\)\}$/),
    ]);
  });

  it('names a service in custom.paths in camel case', () => {
    expect(camelCase('conversation-events')).toBe('conversationEvents');
    expect(camelCase('team-2-events')).toBe('team2Events');
  });
});
