'use strict';
const { afterAll, beforeAll, describe, expect, it } = require('@jest/globals');
const { DescribeTableCommand, DynamoDBClient, ListTablesCommand } = require('@aws-sdk/client-dynamodb');
const { createTables, tableDefinitions } = require('./create-tables.cjs');

const REGION = 'eu-west-1';

// The tables as services/*/serverless/resources.yml declare them, once the stage is resolved.
const deliveriesTable = () => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    TableName: 'genesys-events-dev-deliveries',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  },
});

const conversationEventsTable = () => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    TableName: 'genesys-events-dev-conversation-events',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'conversationId', AttributeType: 'S' },
      { AttributeName: 'eventKey', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'conversationId', KeyType: 'HASH' },
      { AttributeName: 'eventKey', KeyType: 'RANGE' },
    ],
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  },
});

const otherResources = () => ({
  AppEventBus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'genesys-events-dev' } },
  ConversationEventsDeadLetterQueue: {
    Type: 'AWS::SQS::Queue',
    Properties: { QueueName: 'genesys-events-dev-conversation-events-dlq' },
  },
});

describe('tableDefinitions', () => {
  it('turns a CloudFormation table into CreateTable input and drops what CreateTable does not take', () => {
    const definitions = tableDefinitions({ DeliveriesTable: deliveriesTable() });

    expect(definitions).toEqual([
      {
        TableName: 'genesys-events-dev-deliveries',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      },
    ]);
    expect(definitions[0]).not.toHaveProperty('TimeToLiveSpecification');
    expect(definitions[0]).not.toHaveProperty('PointInTimeRecoverySpecification');
  });

  it('ignores resources that are not DynamoDB tables', () => {
    const definitions = tableDefinitions({
      ...otherResources(),
      ConversationEventsTable: conversationEventsTable(),
      Nothing: null,
    });

    expect(definitions.map((definition) => definition.TableName)).toEqual(['genesys-events-dev-conversation-events']);
  });

  it('answers no definitions for resources without tables', () => {
    expect(tableDefinitions(otherResources())).toEqual([]);
  });

  it('keeps secondary indexes', () => {
    const table = conversationEventsTable();
    table.Properties.GlobalSecondaryIndexes = [
      {
        IndexName: 'byTopic',
        KeySchema: [{ AttributeName: 'eventKey', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ];

    const [definition] = tableDefinitions({ ConversationEventsTable: table });

    expect(definition.GlobalSecondaryIndexes).toEqual(table.Properties.GlobalSecondaryIndexes);
  });

  it('bills per request when the table names neither a billing mode nor a provisioned throughput', () => {
    const table = deliveriesTable();
    delete table.Properties.BillingMode;

    const [definition] = tableDefinitions({ DeliveriesTable: table });

    expect(definition.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('keeps a provisioned throughput without adding a billing mode', () => {
    const table = deliveriesTable();
    delete table.Properties.BillingMode;
    table.Properties.ProvisionedThroughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };

    const [definition] = tableDefinitions({ DeliveriesTable: table });

    expect(definition.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
    expect(definition).not.toHaveProperty('BillingMode');
  });

  it.each([
    ['a Fn::Join', { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'deliveries']] }],
    ['a Ref', { Ref: 'TableNameParameter' }],
    ['no name', undefined],
  ])('throws naming the table when its TableName is %s', (_, tableName) => {
    const table = deliveriesTable();
    table.Properties.TableName = tableName;

    expect(() => tableDefinitions({ DeliveriesTable: table })).toThrow(
      'local-stack: table DeliveriesTable needs a literal TableName to be created locally',
    );
  });

  it('throws for a table without properties', () => {
    expect(() => tableDefinitions({ Bare: { Type: 'AWS::DynamoDB::Table' } })).toThrow(/Bare/);
  });
});

describe('createTables against dynalite', () => {
  let server;
  let endpoint;
  let client;

  beforeAll(async () => {
    server = require('dynalite')({ createTableMs: 0 });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    endpoint = `http://127.0.0.1:${server.address().port}`;
    client = new DynamoDBClient({
      endpoint,
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    if (server) await new Promise((resolve) => server.close(() => resolve()));
  });

  const resources = () => ({
    ...otherResources(),
    DeliveriesTable: deliveriesTable(),
    ConversationEventsTable: conversationEventsTable(),
  });

  it('creates every table of the resources and answers their names', async () => {
    const names = await createTables({ endpoint, resources: resources(), region: REGION });

    expect(names).toEqual(['genesys-events-dev-deliveries', 'genesys-events-dev-conversation-events']);
    const listed = await client.send(new ListTablesCommand({}));
    expect(listed.TableNames).toEqual(
      expect.arrayContaining(['genesys-events-dev-deliveries', 'genesys-events-dev-conversation-events']),
    );
    const described = await client.send(
      new DescribeTableCommand({ TableName: 'genesys-events-dev-conversation-events' }),
    );
    expect(described.Table?.KeySchema).toEqual([
      { AttributeName: 'conversationId', KeyType: 'HASH' },
      { AttributeName: 'eventKey', KeyType: 'RANGE' },
    ]);
    expect(described.Table?.TableStatus).toBe('ACTIVE');
  });

  it('succeeds again when the tables exist already', async () => {
    await createTables({ endpoint, resources: resources(), region: REGION });

    const names = await createTables({ endpoint, resources: resources(), region: REGION });

    expect(names).toEqual(['genesys-events-dev-deliveries', 'genesys-events-dev-conversation-events']);
    const listed = await client.send(new ListTablesCommand({}));
    expect(listed.TableNames?.filter((name) => name.startsWith('genesys-events-dev-'))).toHaveLength(2);
  });

  it('fails on an error other than an existing table', async () => {
    const table = deliveriesTable();
    table.Properties.TableName = 'x';

    await expect(createTables({ endpoint, resources: { Broken: table }, region: REGION })).rejects.toThrow(/TableName/);
  });
});
