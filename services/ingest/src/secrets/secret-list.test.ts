import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import middy from '@middy/core';
import { mockClient } from 'aws-sdk-client-mock';
import { secretList, secretSource } from './secret-list';

process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';

const ssm = mockClient(SSMClient);
const PARAMETER = '/genesys-events/prod/genesys-webhook-secrets';

const parameterHolds = (value: string) =>
  ssm.on(GetParametersCommand).resolves({ Parameters: [{ Name: PARAMETER, Value: value, Type: 'SecureString' }] });

/** A route that answers with the secret list the verifier would get. */
const routeReading = (key: string) => {
  const secrets = secretList({ [`${key}_PARAMETER`]: PARAMETER }, key);
  let read: readonly string[] | undefined;
  const handler = middy(async () => read)
    .use(secrets.middleware)
    .use({
      before: async (request) => {
        read = await secrets.read(request as never);
      },
    });
  return handler;
};

beforeEach(() => {
  ssm.reset();
});

describe('secretList', () => {
  it('parses a direct value once: current first, entries trimmed, empties dropped', async () => {
    const secrets = secretList({ DIRECT: ' current ,previous\n,' }, 'DIRECT');

    expect(secrets.middleware).toEqual([]);
    expect(await secrets.read({} as never)).toEqual(['current', 'previous']);
  });

  it('reads the list from an SSM SecureString, decrypted, and parses it', async () => {
    parameterHolds('rotated-in,still-accepted');

    const answer = await routeReading('ssmList')({}, lambdaContext());

    expect(answer).toEqual(['rotated-in', 'still-accepted']);
    const [call] = ssm.commandCalls(GetParametersCommand);
    expect(call?.args[0].input).toMatchObject({ Names: [PARAMETER], WithDecryption: true });
  });

  it('caches the list between invocations instead of asking SSM every time', async () => {
    parameterHolds('cached-secret');
    const route = routeReading('cachedList');

    await route({}, lambdaContext());
    await route({}, lambdaContext());

    expect(ssm.commandCalls(GetParametersCommand)).toHaveLength(1);
  });
});

describe('secretSource', () => {
  const completeEnv = (overrides: Record<string, string | undefined> = {}) => ({
    GENESYS_WEBHOOK_SECRETS: 'current-secret,previous-secret',
    ...overrides,
  });

  it('prefers GENESYS_WEBHOOK_SECRETS_PARAMETER over the direct value', () => {
    const source = secretSource(
      completeEnv({ GENESYS_WEBHOOK_SECRETS_PARAMETER: '/genesys-events/prod/genesys-webhook-secrets' }),
      'GENESYS_WEBHOOK_SECRETS',
    );

    expect(source).toEqual({
      kind: 'ssm',
      parameterName: '/genesys-events/prod/genesys-webhook-secrets',
    });
  });

  it('uses the direct secret list when the parameter name is empty', () => {
    const source = secretSource(completeEnv({ GENESYS_WEBHOOK_SECRETS_PARAMETER: '' }), 'GENESYS_WEBHOOK_SECRETS');

    expect(source).toEqual({ kind: 'value', value: 'current-secret,previous-secret' });
  });

  it('fails naming both settings when no secret source is configured', () => {
    expect(() => secretSource(completeEnv({ GENESYS_WEBHOOK_SECRETS: undefined }), 'GENESYS_WEBHOOK_SECRETS')).toThrow(
      /GENESYS_WEBHOOK_SECRETS.*GENESYS_WEBHOOK_SECRETS_PARAMETER/,
    );
  });
});
