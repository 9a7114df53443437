'use strict';
// Declare what a function touches, generate its least-privilege role. A function's `access` block names
// the tables it uses with their actions, the SSM parameters it reads, and whether it publishes to the app
// bus; this turns it into the statements of its own role (serverless-iam-roles-per-function) with an
// explicit role name (generated names outgrow IAM's 64 characters), and gives a publisher APP_BUS_NAME.
// It runs at `initialize`, before that plugin builds the roles.

const { createHash } = require('node:crypto');

/** IAM role names are at most 64 characters. */
const MAX_ROLE_NAME = 64;

/** The JSON schema of a function's `access` block. */
const ACCESS_SCHEMA = {
  type: 'object',
  properties: {
    publishToAppBus: { type: 'boolean' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          table: { type: 'string', minLength: 1 },
          actions: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z][A-Za-z]+$' } },
        },
        required: ['table', 'actions'],
        additionalProperties: false,
      },
    },
    parameters: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
};

/** `storeConversationEvent` -> `store-conversation-event`. */
const kebabCase = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * The role name of a function: project, stage, region and function, shortened with a hash when too long.
 *
 * @example
 * roleName('prod', 'eu-west-1', 'genesysWebhook'); // 'genesys-events-prod-eu-west-1-genesys-webhook'
 */
function roleName(stage, region, functionName) {
  const name = `genesys-events-${stage}-${region}-${kebabCase(functionName)}`;
  if (name.length <= MAX_ROLE_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_ROLE_NAME - hash.length - 1)}-${hash}`;
}

const arn = (service, resource) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
});

/**
 * The IAM statements of an `access` block: PutEvents on the app bus, the named actions on each table, and
 * `ssm:GetParameters` on each non-empty parameter name (an empty one is a stage that gives the secret
 * as a value instead).
 *
 * @example
 * accessStatements({ tables: [{ table: 't', actions: ['GetItem'] }] }, 'genesys-events-prod');
 */
function accessStatements(access, appBusName) {
  const statements = [];
  if (access.publishToAppBus) {
    statements.push({
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Resource: arn('events', `event-bus/${appBusName}`),
    });
  }
  for (const { table, actions } of access.tables ?? []) {
    statements.push({
      Effect: 'Allow',
      Action: actions.map((action) => `dynamodb:${action}`),
      Resource: arn('dynamodb', `table/${table}`),
    });
  }
  const parameters = (access.parameters ?? []).filter((name) => name.trim() !== '');
  if (parameters.length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: 'ssm:GetParameters',
      Resource: parameters.map((name) => arn('ssm', `parameter${name.startsWith('/') ? '' : '/'}${name}`)),
    });
  }
  return statements;
}

class AccessPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    serverless.configSchemaHandler?.defineFunctionProperties?.('aws', { properties: { access: ACCESS_SCHEMA } });
  }

  /** Expands every `access` block of the stack's functions (the hook of `initialize`). */
  expand() {
    const { service } = this.serverless;
    const { stage, region } = service.provider;
    for (const [name, definition] of Object.entries(service.functions ?? {})) {
      const { access } = definition ?? {};
      if (!access) continue;
      const appBusName = service.custom?.appBusName;
      if (access.publishToAppBus && !appBusName) {
        throw new Error(`serverless-config: ${name} publishes to the app bus but custom.appBusName is not set`);
      }
      definition.iamRoleStatementsName = definition.iamRoleStatementsName ?? roleName(stage, region, name);
      definition.iamRoleStatements = [...(definition.iamRoleStatements ?? []), ...accessStatements(access, appBusName)];
      if (access.publishToAppBus) definition.environment = { APP_BUS_NAME: appBusName, ...definition.environment };
    }
  }
}

module.exports = AccessPlugin;
module.exports.accessStatements = accessStatements;
module.exports.roleName = roleName;
