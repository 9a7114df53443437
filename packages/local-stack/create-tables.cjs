'use strict';
// Turns the CloudFormation properties of AWS::DynamoDB::Table resources into CreateTable calls.
const { CreateTableCommand, DynamoDBClient, ResourceInUseException } = require('@aws-sdk/client-dynamodb');

// CreateTable takes the same names as the CloudFormation properties for everything the tables use.
const CREATE_TABLE_KEYS = [
  'TableName',
  'AttributeDefinitions',
  'KeySchema',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'BillingMode',
  'ProvisionedThroughput',
];

function tableDefinitions(resources) {
  return Object.entries(resources)
    .filter(([, resource]) => resource?.Type === 'AWS::DynamoDB::Table')
    .map(([logicalId, resource]) => {
      const properties = resource.Properties ?? {};
      if (typeof properties.TableName !== 'string') {
        throw new Error(`local-stack: table ${logicalId} needs a literal TableName to be created locally`);
      }
      const input = {};
      for (const key of CREATE_TABLE_KEYS) if (properties[key] !== undefined) input[key] = properties[key];
      if (!input.BillingMode && !input.ProvisionedThroughput) input.BillingMode = 'PAY_PER_REQUEST';
      return input;
    });
}

async function createTables({ endpoint, resources, region }) {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const names = [];
  try {
    for (const input of tableDefinitions(resources)) {
      try {
        await client.send(new CreateTableCommand(input));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      names.push(input.TableName);
    }
  } finally {
    client.destroy();
  }
  return names;
}

module.exports = { createTables, tableDefinitions };
