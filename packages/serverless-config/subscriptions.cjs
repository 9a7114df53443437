'use strict';
// Declare once, generate the rest. A function's `subscribe` block names the app-bus patterns it consumes
// and the service whose dead-letter queue takes its failures; this plugin turns it into one EventBridge
// rule per pattern on the app bus (retry policy, dead-letter queue) and gives each named queue its
// resources: the SQS queue, the policy that lets EventBridge (of this account only) park events in it,
// and an alarm on the stack's alarm topic. It runs at `initialize`, before packaging compiles the rules
// and before the local bus reads them, so the cloud and `npm run dev` see the same rules.

const { ifStageKey, withStageKey } = require('./stage-key.cjs');

/** The rule target's retry policy: a day of attempts before an event is parked. */
const RETRY_POLICY = { maximumEventAge: 86400, maximumRetryAttempts: 20 };
/** SQS keeps a parked event for its maximum, 14 days, for `genesys-events redrive`. */
const DEAD_LETTER_RETENTION_SECONDS = 1209600;

/** The JSON schema of a function's `subscribe` block. */
const SUBSCRIBE_SCHEMA = {
  type: 'object',
  properties: {
    deadLetterQueue: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    patterns: { type: 'array', minItems: 1, items: { type: 'object' } },
  },
  required: ['deadLetterQueue', 'patterns'],
  additionalProperties: false,
};

/** `conversation-events` -> `ConversationEvents`. */
const pascalCase = (name) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** The logical id of a service's dead-letter queue. */
const deadLetterQueueId = (name) => `${pascalCase(name)}DeadLetterQueue`;

/**
 * The `eventBridge` events of a `subscribe` block: one rule per pattern on the app bus.
 *
 * @example
 * subscriptionEvents({ deadLetterQueue: 'analytics', patterns: [{ 'detail-type': ['call.analysis.completed'] }] }, appBus);
 */
function subscriptionEvents(subscribe, appBus) {
  return subscribe.patterns.map((pattern) => ({
    eventBridge: {
      eventBus: appBus,
      pattern,
      retryPolicy: { ...RETRY_POLICY },
      deadLetterQueueArn: { 'Fn::GetAtt': [deadLetterQueueId(subscribe.deadLetterQueue), 'Arn'] },
    },
  }));
}

/**
 * A service's dead-letter queue, its policy and its alarm; with `condition`, each exists only under that
 * CloudFormation condition.
 *
 * @example
 * deadLetterResources('analytics', 'prod'); // { AnalyticsDeadLetterQueue, AnalyticsDeadLetterQueuePolicy, AnalyticsDeadLetterAlarm }
 */
function deadLetterResources(name, stage, { condition } = {}) {
  const resources = unconditionalDeadLetterResources(name, stage);
  if (!condition) return resources;
  return Object.fromEntries(
    Object.entries(resources).map(([id, resource]) => [id, { ...resource, Condition: condition }]),
  );
}

function unconditionalDeadLetterResources(name, stage) {
  const queueId = deadLetterQueueId(name);
  return {
    [queueId]: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `genesys-events-${stage}-${name}-dlq`,
        MessageRetentionPeriod: DEAD_LETTER_RETENTION_SECONDS,
        KmsMasterKeyId: withStageKey(),
        SqsManagedSseEnabled: ifStageKey({ Ref: 'AWS::NoValue' }, true),
      },
    },
    [`${queueId}Policy`]: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'EventBridgeParksFailedDeliveries',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            },
          ],
        },
      },
    },
    [`${pascalCase(name)}DeadLetterAlarm`]: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: `${name} events were parked in the dead-letter queue (redrive them with genesys-events redrive)`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: 'AlarmTopic' }],
      },
    },
  };
}

class SubscriptionsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    serverless.configSchemaHandler?.defineFunctionProperties?.('aws', {
      properties: { subscribe: SUBSCRIBE_SCHEMA },
    });
  }

  /** Expands every `subscribe` block of the stack's functions (the hook of `initialize`). */
  expand() {
    const { service } = this.serverless;
    const stage = service.provider.stage;
    const queues = new Set();
    for (const definition of Object.values(service.functions ?? {})) {
      const { subscribe } = definition ?? {};
      if (!subscribe) continue;
      const appBus = service.custom?.appBus;
      if (!appBus) throw new Error('serverless-config: a subscribing function needs custom.appBus');
      definition.events = [...(definition.events ?? []), ...subscriptionEvents(subscribe, appBus)];
      queues.add(subscribe.deadLetterQueue);
    }
    if (queues.size === 0) return;
    service.resources = service.resources ?? {};
    service.resources.Resources = service.resources.Resources ?? {};
    for (const name of queues) Object.assign(service.resources.Resources, deadLetterResources(name, stage));
  }
}

module.exports = SubscriptionsPlugin;
module.exports.subscriptionEvents = subscriptionEvents;
module.exports.deadLetterResources = deadLetterResources;
module.exports.deadLetterQueueId = deadLetterQueueId;
