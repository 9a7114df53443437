'use strict';
const { describe, expect, it } = require('@jest/globals');
const SubscriptionsPlugin = require('./subscriptions.cjs');

const APP_BUS = { 'Fn::ImportValue': 'genesys-events-prod-app-bus-name' };

const serverlessWith = (functions, resources) => {
  const defined = [];
  return {
    defined,
    service: { provider: { stage: 'prod' }, custom: { appBus: APP_BUS }, functions, resources },
    configSchemaHandler: { defineFunctionProperties: (provider, schema) => defined.push({ provider, schema }) },
  };
};

describe('SubscriptionsPlugin', () => {
  it('declares the subscribe property, so that configValidationMode: error accepts it', () => {
    const serverless = serverlessWith({});

    new SubscriptionsPlugin(serverless);

    expect(serverless.defined).toEqual([
      { provider: 'aws', schema: { properties: { subscribe: expect.objectContaining({ type: 'object' }) } } },
    ]);
  });

  it('turns each pattern into a rule on the app bus with the retry policy and the named dead-letter queue', () => {
    const other = { http: { method: 'GET', path: '/x' } };
    const functions = {
      consume: {
        events: [other],
        subscribe: {
          deadLetterQueue: 'my-team',
          patterns: [{ 'detail-type': ['a'] }, { 'detail-type': ['b'], detail: { x: [{ exists: true }] } }],
        },
      },
      read: { events: [other] },
    };
    const serverless = serverlessWith(functions, { Resources: { Table: { Type: 'AWS::DynamoDB::Table' } } });

    new SubscriptionsPlugin(serverless).expand();

    const rule = (pattern) => ({
      eventBridge: {
        eventBus: APP_BUS,
        pattern,
        retryPolicy: { maximumEventAge: 86400, maximumRetryAttempts: 20 },
        deadLetterQueueArn: { 'Fn::GetAtt': ['MyTeamDeadLetterQueue', 'Arn'] },
      },
    });
    expect(functions.consume.events).toEqual([
      other,
      rule({ 'detail-type': ['a'] }),
      rule({ 'detail-type': ['b'], detail: { x: [{ exists: true }] } }),
    ]);
    expect(functions.read.events).toEqual([other]);
    expect(Object.keys(serverless.service.resources.Resources).sort()).toEqual([
      'MyTeamDeadLetterAlarm',
      'MyTeamDeadLetterQueue',
      'MyTeamDeadLetterQueuePolicy',
      'Table',
    ]);
    const queue = serverless.service.resources.Resources.MyTeamDeadLetterQueue;
    expect(queue.Properties.QueueName).toBe('genesys-events-prod-my-team-dlq');
    expect(serverless.service.resources.Resources.MyTeamDeadLetterAlarm.Properties.AlarmActions).toEqual([
      { Ref: 'AlarmTopic' },
    ]);
  });

  it('gives two functions of one service one queue, and adds nothing to a stack without subscriptions', () => {
    const subscribe = { deadLetterQueue: 'shared', patterns: [{ source: ['s'] }] };
    const serverless = serverlessWith({ a: { subscribe }, b: { subscribe } });
    const quiet = serverlessWith({ a: { events: [] } });

    new SubscriptionsPlugin(serverless).expand();
    new SubscriptionsPlugin(quiet).expand();

    expect(Object.keys(serverless.service.resources.Resources).filter((id) => id.endsWith('Queue'))).toEqual([
      'SharedDeadLetterQueue',
    ]);
    expect(quiet.service.resources).toBeUndefined();
  });

  it('fails clearly when the stack names no app bus', () => {
    const serverless = serverlessWith({ a: { subscribe: { deadLetterQueue: 'x', patterns: [{ source: ['s'] }] } } });
    serverless.service.custom = {};

    expect(() => new SubscriptionsPlugin(serverless).expand()).toThrow('custom.appBus');
  });
});
