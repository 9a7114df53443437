'use strict';
const { describe, expect, it } = require('@jest/globals');
const { applyTableDefaults } = require('./table-defaults.cjs');

describe('applyTableDefaults', () => {
  it('bills a table per request, with point-in-time recovery and the stage key when there is one', () => {
    const resources = { Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 't' } } };

    applyTableDefaults(resources);

    expect(resources.Table.Properties).toEqual({
      TableName: 't',
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        'Fn::If': [
          'UseCustomerManagedKey',
          { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: 'KmsKeyArn' } },
          { Ref: 'AWS::NoValue' },
        ],
      },
    });
  });

  it('keeps what a table sets itself and leaves other resources alone', () => {
    const queue = { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } };
    const table = {
      Type: 'AWS::DynamoDB::Table',
      Properties: { BillingMode: 'PROVISIONED', SSESpecification: { SSEEnabled: false } },
    };
    const resources = { Queue: queue, Table: table };

    applyTableDefaults(resources);

    expect(queue.Properties).toEqual({ QueueName: 'q' });
    expect(table.Properties).toMatchObject({ BillingMode: 'PROVISIONED', SSESpecification: { SSEEnabled: false } });
  });

  it('gives each table its own copy of the defaults', () => {
    const resources = {
      A: { Type: 'AWS::DynamoDB::Table', Properties: {} },
      B: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    };

    applyTableDefaults(resources);

    expect(resources.A.Properties.SSESpecification).not.toBe(resources.B.Properties.SSESpecification);
  });
});
