'use strict';
// Encryption at rest follows the stage: its customer-managed KMS key when one is configured (the KmsKeyArn
// parameter and UseCustomerManagedKey condition of operations.yml), else the AWS-owned default. Every
// generated resource asks for the key here, so they all switch on the same condition.

/** `withKey` when the stage has a customer-managed key, else `withoutKey` (by default: the property is left out). */
const ifStageKey = (withKey, withoutKey = { Ref: 'AWS::NoValue' }) => ({
  'Fn::If': ['UseCustomerManagedKey', withKey, withoutKey],
});

/** The stage's key (its ARN) when it has one, else nothing: the service's AWS-owned default. */
const withStageKey = () => ifStageKey({ Ref: 'KmsKeyArn' });

module.exports = { ifStageKey, withStageKey };
