'use strict';
// The Genesys EventBridge integration path: the partner event bus associated with the Genesys partner
// event source (a bus whose Name and EventSourceName are the source name), and a rule that forwards its
// events to the app bus unchanged, so consumers see partner events and webhook events in one shape.
// No HMAC is checked on this path: AWS authenticates the partner source, and the rule's pattern decides
// what is let through (the Genesys source prefix, optionally only some org ids).
//
// Stage parameters: genesysPartnerEventSource (aws.partner/genesys.com/cloud/<orgId>/<suffix>; empty
// leaves the resources out through a CloudFormation condition) and genesysOrgIds (comma-separated allowlist).

// The same dead-letter queue, policy and alarm as every app-bus rule of the project's services.
const { deadLetterQueueId, deadLetterResources } = require('../../../packages/serverless-config/subscriptions.cjs');
// The bus is encrypted like every other resource: the stage's key when it has one.
const { withStageKey } = require('../../../packages/serverless-config/stage-key.cjs');

const SOURCE_PREFIX = 'aws.partner/genesys.com';
const SOURCE_NAME = /^aws\.partner\/genesys\.com(\.[a-z0-9-]+)?\/cloud\/[0-9a-fA-F-]{36}\/[A-Za-z0-9._-]{1,64}$/;

function sourcePattern(orgIds) {
  if (orgIds.length === 0) return [{ prefix: SOURCE_PREFIX }];
  return orgIds.map((orgId) => ({ prefix: `${SOURCE_PREFIX}/cloud/${orgId}/` }));
}

function partnerBusResources({ sourceName, orgIds, appBusArn, stage }) {
  const condition = 'HasGenesysPartnerEventSource';
  const source = { Ref: 'GenesysPartnerEventSourceName' };
  return {
    // A template parameter (defaulting to the stage parameter) so a stack can also be pointed at its
    // source with a CloudFormation parameter override.
    Parameters: {
      GenesysPartnerEventSourceName: {
        Type: 'String',
        Default: sourceName,
        AllowedPattern: `^$|${SOURCE_NAME.source}`,
        Description:
          'Genesys partner event source name, aws.partner/genesys.com/cloud/<orgId>/<suffix>; empty for none',
      },
    },
    Conditions: { [condition]: { 'Fn::Not': [{ 'Fn::Equals': [source, ''] }] } },
    Resources: {
      GenesysPartnerEventBus: {
        Type: 'AWS::Events::EventBus',
        Condition: condition,
        Properties: { Name: source, EventSourceName: source, KmsKeyIdentifier: withStageKey() },
      },
      ForwardGenesysEventsRole: {
        Type: 'AWS::IAM::Role',
        Condition: condition,
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          Policies: [
            {
              PolicyName: 'put-events-on-app-bus',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: appBusArn }],
              },
            },
          ],
        },
      },
      ForwardGenesysEventsRule: {
        Type: 'AWS::Events::Rule',
        Condition: condition,
        Properties: {
          Description: 'Forwards Genesys partner events to the app bus',
          EventBusName: { Ref: 'GenesysPartnerEventBus' },
          EventPattern: { source: sourcePattern(orgIds) },
          Targets: [
            {
              Id: 'app-bus',
              Arn: appBusArn,
              RoleArn: { 'Fn::GetAtt': ['ForwardGenesysEventsRole', 'Arn'] },
              DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId('partner-forward'), 'Arn'] } },
              RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
            },
          ],
        },
      },
      ...deadLetterResources('partner-forward', stage, { condition }),
    },
  };
}

module.exports = async ({ resolveVariable }) => {
  const sourceName = String((await resolveVariable('param:genesysPartnerEventSource')) ?? '').trim();
  if (sourceName !== '' && !SOURCE_NAME.test(sourceName)) {
    throw new Error(
      `genesysPartnerEventSource "${sourceName}" is not a Genesys partner event source name (aws.partner/genesys.com/cloud/<orgId>/<suffix>)`,
    );
  }
  const orgIds = String((await resolveVariable('param:genesysOrgIds')) ?? '')
    .split(',')
    .map((orgId) => orgId.trim().toLowerCase())
    .filter((orgId) => orgId.length > 0);
  const stage = await resolveVariable('sls:stage');
  return partnerBusResources({ sourceName, orgIds, appBusArn: { 'Fn::GetAtt': ['AppEventBus', 'Arn'] }, stage });
};

module.exports.partnerBusResources = partnerBusResources;
