import { beforeAll, describe, expect, it } from '@jest/globals';
import { deployables, installedVersion, packagedTemplate, type Template } from './packaged-templates';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const rolesOf = (template: Template) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::IAM::Role');

const statementsOf = (role: Template['Resources'][string]): Statement[] =>
  ((role.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );

const functionsOf = (template: Template) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');

const roleIdOf = (fn: Template['Resources'][string]): string | undefined =>
  ((fn.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'] ?? [])[0];

/** Resources named without a wildcard, except the log streams of the function's own log group. */
const isScopedResource = (resource: unknown): boolean => {
  const text = JSON.stringify(resource);
  if (text === '"*"') return false;
  return !text.includes('*') || /log-group:\/aws\/lambda\/[^*"]+:\*(:\*)?"/.test(text);
};

describe.each(deployables())('the packaged prod template of $name', ({ dir }) => {
  let template: Template;

  beforeAll(async () => {
    template = await packagedTemplate(dir);
  });

  it('gives every function the Powertools layer of the version the bundles were built against', () => {
    const versions = ['logger', 'metrics'].map((name) => installedVersion(`@aws-lambda-powertools/${name}`));

    expect(new Set(versions).size).toBe(1);
    expect(template.Parameters?.PowertoolsLayerArn).toEqual(
      expect.objectContaining({
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: `/aws/service/powertools/typescript/generic/all/${versions[0]}`,
      }),
    );
    for (const [, fn] of functionsOf(template)) {
      expect(fn.Properties?.Layers).toEqual([{ Ref: 'PowertoolsLayerArn' }]);
    }
  });

  it('gives every function a role of its own', () => {
    const roles = functionsOf(template).map(([, fn]) => roleIdOf(fn));

    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((role) => role !== undefined)).toBe(true);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('grants no * action, no service:* action and no * resource', () => {
    const statements = rolesOf(template).flatMap(([id, role]) =>
      statementsOf(role).map((statement) => ({ id, statement })),
    );
    const broad = statements.filter(
      ({ statement }) =>
        [statement.Action].flat().some((action) => action === '*' || action.endsWith(':*')) ||
        [statement.Resource].flat().some((resource) => !isScopedResource(resource)),
    );

    expect(statements.length).toBeGreaterThan(0);
    expect(broad).toEqual([]);
  });

  it('keeps no role that no function or rule uses', () => {
    const text = JSON.stringify(template.Resources);
    const unused = rolesOf(template)
      .map(([id]) => id)
      .filter((id) => !text.includes(`["${id}","Arn"]`) && !text.includes(`"Ref":"${id}"`));

    expect(unused).toEqual([]);
  });

  it('opens no CORS on its HTTP API and throttles it', () => {
    const api = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Api');
    const stage = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Stage');

    expect(api?.Properties?.CorsConfiguration).toBeUndefined();
    expect(stage?.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: expect.any(Number),
      ThrottlingRateLimit: expect.any(Number),
    });
  });

  it('answers within Genesys 10 s: every function times out before', () => {
    const timeouts = functionsOf(template).map(([, fn]) => fn.Properties?.Timeout as number);

    expect(timeouts.every((timeout) => timeout > 0 && timeout < 10)).toBe(true);
  });
});
