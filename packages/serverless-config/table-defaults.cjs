'use strict';
// Every DynamoDB table of a stack takes the project's storage defaults unless it sets them itself: billed
// per request, point-in-time recovery on, and encrypted with the stage's customer-managed key when the
// stage has one (KmsKeyArn of operations.yml; AWS-owned otherwise). The tables hold personal data, so a
// new team's table is protected like the others without anyone remembering to write it.

const { ifStageKey } = require('./stage-key.cjs');

/** The defaults, each applied only where the table does not say otherwise. */
const TABLE_DEFAULTS = {
  BillingMode: 'PAY_PER_REQUEST',
  PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  SSESpecification: ifStageKey({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: 'KmsKeyArn' } }),
};

/**
 * Gives every `AWS::DynamoDB::Table` of the resources the defaults it lacks (the hook of `initialize`).
 *
 * @example
 * applyTableDefaults({ Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 't' } } });
 */
function applyTableDefaults(resources = {}) {
  for (const resource of Object.values(resources)) {
    if (resource?.Type !== 'AWS::DynamoDB::Table') continue;
    resource.Properties = { ...structuredClone(TABLE_DEFAULTS), ...resource.Properties };
  }
}

module.exports = { applyTableDefaults };
