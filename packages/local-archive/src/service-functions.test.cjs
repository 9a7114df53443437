'use strict';
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const { functionKeysOf, serviceFunctions } = require('./service-functions.cjs');

const repositoryRoot = join(__dirname, '..', '..', '..');

describe('functionKeysOf', () => {
  it('reads the functions a file defines, CloudFormation short forms and variables included', () => {
    const text = [
      'consume:',
      `  handler: \${self:custom.paths.x}/src/consume.handler`,
      '  events:',
      '    - eventBridge:',
      '        deadLetterQueueArn: !GetAtt XDeadLetterQueue.Arn',
      '  iamRoleStatements:',
      `    - Resource: !Sub arn:\${AWS::Partition}:dynamodb:::table/x`,
      '      Condition: !If [A, !Ref B, !Ref AWS::NoValue]',
      '# a comment',
      'read:',
      '  handler: src/read.handler',
    ].join('\n');

    expect(functionKeysOf(text)).toEqual(['consume', 'read']);
  });

  it('reads no functions from an empty file', () => {
    expect(functionKeysOf('')).toEqual([]);
  });
});

describe('serviceFunctions', () => {
  it('maps each folder of services/ with a serverless/functions.yml to the functions it defines', () => {
    const root = mkdtempSync(join(tmpdir(), 'local-archive-services-'));
    mkdirSync(join(root, 'services', 'new-team', 'serverless'), { recursive: true });
    writeFileSync(join(root, 'services', 'new-team', 'serverless', 'functions.yml'), 'logEnd:\n  handler: h\n');
    mkdirSync(join(root, 'services', 'no-functions'), { recursive: true });

    expect(serviceFunctions(root)).toEqual({ 'new-team': ['logEnd'] });
  });

  it("finds this repository's services and their functions", () => {
    const services = serviceFunctions(repositoryRoot);

    expect(services.analytics).toEqual(
      expect.arrayContaining(['consumeAnalyticsEvent', 'deriveConversationSentiment']),
    );
    expect(services['conversation-events']).toEqual(expect.arrayContaining(['storeConversationEvent']));
    expect(services.ingest).toEqual(expect.arrayContaining(['genesysWebhook']));
  });
});
