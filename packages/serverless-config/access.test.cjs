'use strict';
const { describe, expect, it } = require('@jest/globals');
const AccessPlugin = require('./access.cjs');
const { roleName } = AccessPlugin;

const serverlessWith = (functions, custom = { appBusName: 'genesys-events-prod' }) => {
  const defined = [];
  return {
    defined,
    service: { provider: { stage: 'prod', region: 'eu-west-1' }, custom, functions },
    configSchemaHandler: { defineFunctionProperties: (provider, schema) => defined.push({ provider, schema }) },
  };
};

// CloudFormation's own placeholders, written as the template has them.
// biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not a template
const PARTITION = '${AWS::Partition}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not a template
const ACCOUNT = '${AWS::Region}:${AWS::AccountId}';
const sub = (resource) => ({ 'Fn::Sub': `arn:${PARTITION}:${resource}` });

describe('AccessPlugin', () => {
  it('declares the access property, so that configValidationMode: error accepts it', () => {
    const serverless = serverlessWith({});

    new AccessPlugin(serverless);

    expect(serverless.defined).toEqual([
      { provider: 'aws', schema: { properties: { access: expect.objectContaining({ type: 'object' }) } } },
    ]);
  });

  it('gives a function its own named role with a statement per table, parameter and the app bus', () => {
    const functions = {
      genesysWebhook: {
        environment: { TABLE: 'deliveries' },
        access: {
          publishToAppBus: true,
          tables: [{ table: 'genesys-events-prod-deliveries', actions: ['GetItem', 'PutItem'] }],
          parameters: ['/genesys-events/prod/secrets'],
        },
      },
    };
    const serverless = serverlessWith(functions);

    new AccessPlugin(serverless).expand();

    expect(functions.genesysWebhook).toMatchObject({
      iamRoleStatementsName: 'genesys-events-prod-eu-west-1-genesys-webhook',
      environment: { TABLE: 'deliveries', APP_BUS_NAME: 'genesys-events-prod' },
      iamRoleStatements: [
        {
          Effect: 'Allow',
          Action: 'events:PutEvents',
          Resource: sub(`events:${ACCOUNT}:event-bus/genesys-events-prod`),
        },
        {
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          Resource: sub(`dynamodb:${ACCOUNT}:table/genesys-events-prod-deliveries`),
        },
        {
          Effect: 'Allow',
          Action: 'ssm:GetParameters',
          Resource: [sub(`ssm:${ACCOUNT}:parameter/genesys-events/prod/secrets`)],
        },
      ],
    });
  });

  it('grants nothing for an empty parameter name (a stage that gives the secret as a value)', () => {
    const functions = { read: { access: { parameters: [''] } } };

    new AccessPlugin(serverlessWith(functions)).expand();

    expect(functions.read.iamRoleStatements).toEqual([]);
  });

  it('keeps statements and a role name written by hand, and leaves functions without access alone', () => {
    const own = { Effect: 'Allow', Action: 'athena:StartQueryExecution', Resource: 'arn:aws:athena:x' };
    const functions = {
      summary: { iamRoleStatementsName: 'own-name', iamRoleStatements: [own], access: { tables: [] } },
      plain: { handler: 'x.handler' },
    };

    new AccessPlugin(serverlessWith(functions)).expand();

    expect(functions.summary).toMatchObject({ iamRoleStatementsName: 'own-name', iamRoleStatements: [own] });
    expect(functions.plain).toEqual({ handler: 'x.handler' });
  });

  it('fails naming the function when it publishes without custom.appBusName', () => {
    const functions = { publisher: { access: { publishToAppBus: true } } };

    expect(() => new AccessPlugin(serverlessWith(functions, {})).expand()).toThrow(/publisher.*custom\.appBusName/);
  });
});

describe('roleName', () => {
  it('stays within 64 characters, distinct for distinct long names', () => {
    const long = 'aVeryLongFunctionNameThatGoesOnAndOnAndOn';
    const first = roleName('production', 'ap-southeast-2', long);
    const second = roleName('production', 'ap-southeast-2', `${long}X`);

    expect(first.length).toBeLessThanOrEqual(64);
    expect(first).not.toBe(second);
  });
});
