import { beforeAll, describe, expect, it } from '@jest/globals';
import { deployables, installedVersion, packagedTemplate, type Template } from './packaged-templates';
import { expectRoutesAuthorised } from './route-authorization';

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

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const roleIdOf = (fn: Template['Resources'][string]): string | undefined =>
  ((fn.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'] ?? [])[0];

/**
 * Resources named without a wildcard, except the log streams of the function's own log group and the
 * objects of a named bucket (S3 can only grant objects by a key pattern).
 */
const isScopedResource = (resource: unknown): boolean => {
  const text = JSON.stringify(resource);
  if (text === '"*"') return false;
  return (
    !text.includes('*') ||
    /log-group:\/aws\/lambda\/[^*"]+:\*(:\*)?"/.test(text) ||
    /:s3:::[^*"/]+\/([^*"]+\/)?\*"/.test(text) ||
    /"\$\{\w*Bucket\.Arn\}\/\*"/.test(text)
  );
};

describe.each(deployables())('the packaged prod template of $name', ({ name, dir }) => {
  let template: Template;
  let layerFile: (path: string) => string;

  beforeAll(async () => {
    ({ template, layerFile } = await packagedTemplate(dir));
  });

  it("gives every function the stack's own Powertools layer, built from the installed Powertools", () => {
    const layer = template.Resources.PowertoolsLambdaLayer;

    expect(layer?.Type).toBe('AWS::Lambda::LayerVersion');
    expect(layer?.Properties).toEqual(
      expect.objectContaining({ CompatibleRuntimes: ['nodejs24.x'], CompatibleArchitectures: ['arm64'] }),
    );
    expect(functionsOf(template).length).toBeGreaterThan(0);
    for (const [, fn] of functionsOf(template)) {
      expect(fn.Properties?.Layers).toEqual([{ Ref: 'PowertoolsLambdaLayer' }]);
    }
    for (const name of ['logger', 'metrics']) {
      const manifest = JSON.parse(layerFile(`nodejs/node_modules/@aws-lambda-powertools/${name}/package.json`)) as {
        version: string;
        exports: Record<string, string>;
      };
      expect(manifest.version).toBe(installedVersion(`@aws-lambda-powertools/${name}`));
      expect(Object.keys(manifest.exports)).toEqual(['.', './middleware']);
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

  it('opens no CORS on its HTTP API and throttles it (a stack without routes has none)', () => {
    const api = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Api');
    const stage = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Stage');
    if (!api && functionsOf(template).every(([, fn]) => !JSON.stringify(fn).includes('HttpApi'))) return;

    expect(api?.Properties?.CorsConfiguration).toBeUndefined();
    expect(stage?.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: expect.any(Number),
      ThrottlingRateLimit: expect.any(Number),
    });
  });

  it('puts every route but the webhooks behind the JWT authorizer with the scope the route requires', () => {
    expectRoutesAuthorised(template);
  });

  it('answers within Genesys 10 s: every function times out before', () => {
    const timeouts = functionsOf(template).map(([, fn]) => fn.Properties?.Timeout as number);

    expect(timeouts.every((timeout) => timeout > 0 && timeout < 10)).toBe(true);
  });

  it('retries every app-bus rule target and parks what still fails in a dead-letter queue with an alarm', () => {
    const targets = resourcesOf(template, 'AWS::Events::Rule')
      // Rules on the app bus (the default bus's schedules and AWS service events have no dead letters here).
      .filter(([, rule]) => rule.Properties?.EventBusName !== undefined)
      .filter(([, rule]) => JSON.stringify(rule.Properties?.Targets).includes('LambdaFunction'))
      .flatMap(([, rule]) => rule.Properties?.Targets as { RetryPolicy?: unknown; DeadLetterConfig?: unknown }[]);
    const alarmed = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, alarm]) =>
      JSON.stringify(alarm.Properties?.Dimensions),
    );

    for (const target of targets) {
      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 20 });
      const queue = (target.DeadLetterConfig as { Arn: { 'Fn::GetAtt': [string, string] } }).Arn['Fn::GetAtt'][0];
      expect(template.Resources[queue]?.Type).toBe('AWS::SQS::Queue');
      expect(alarmed.some((dimensions) => dimensions.includes(`"${queue}"`))).toBe(true);
    }
  });

  it('keeps every item of every table for a bounded time: a TTL on each', () => {
    const tables = resourcesOf(template, 'AWS::DynamoDB::Table');

    expect(tables.length).toBeGreaterThan(0);
    for (const [, table] of tables) {
      expect(table.Properties?.TimeToLiveSpecification).toEqual({ AttributeName: expect.any(String), Enabled: true });
    }
  });

  it('tells every function how many days to keep conversation data (the stage default, 90)', () => {
    for (const [, fn] of functionsOf(template)) {
      const variables = (fn.Properties?.Environment as { Variables?: Record<string, string> } | undefined)?.Variables;
      expect(variables?.RETENTION_DAYS).toBe('90');
    }
  });

  it('erases a conversation from every table that stores conversations', () => {
    const stores = resourcesOf(template, 'AWS::DynamoDB::Table').filter(([, table]) =>
      JSON.stringify(table.Properties?.KeySchema).includes('conversationId'),
    );
    const erasureRules = resourcesOf(template, 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.EventPattern ?? {}).includes('conversation.erasure.requested'),
    );

    expect(erasureRules.length).toBe(stores.length);
  });

  it('encrypts tables, queues, topics, buckets, streams and the app bus with the stage key when one is given', () => {
    expect(template.Parameters?.KmsKeyArn).toMatchObject({ Type: 'String', Default: '' });
    const keyed = (value: unknown) => JSON.stringify(value ?? null).includes('{"Ref":"KmsKeyArn"}');
    const properties: [string, string][] = [
      ['AWS::DynamoDB::Table', 'SSESpecification'],
      ['AWS::SQS::Queue', 'KmsMasterKeyId'],
      ['AWS::SNS::Topic', 'KmsMasterKeyId'],
      ['AWS::Events::EventBus', 'KmsKeyIdentifier'],
      ['AWS::Events::Archive', 'KmsKeyIdentifier'],
      ['AWS::S3::Bucket', 'BucketEncryption'],
      ['AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamEncryptionConfigurationInput'],
    ];
    for (const [type, property] of properties) {
      // The framework's deployment bucket holds the packaged code, never event data.
      for (const [id, resource] of resourcesOf(template, type).filter(([id]) => id !== 'ServerlessDeploymentBucket')) {
        expect([id, keyed(resource.Properties?.[property])]).toEqual([id, true]);
      }
    }
  });

  it("archives the app bus where the stack holds it, for the stage's 30 days, within the stores' retention", () => {
    const archives = resourcesOf(template, 'AWS::Events::Archive');
    const retentions = functionsOf(template).map(([, fn]) =>
      Number(
        (fn.Properties?.Environment as { Variables?: Record<string, string> } | undefined)?.Variables?.RETENTION_DAYS,
      ),
    );
    const hasAppBus = template.Resources.AppEventBus !== undefined;

    expect([name, hasAppBus]).toEqual([name, name === '(root)' || name === 'services/ingest']);
    expect(archives.map(([, archive]) => archive.Properties?.SourceArn)).toEqual(
      hasAppBus ? [{ 'Fn::GetAtt': ['AppEventBus', 'Arn'] }] : [],
    );
    for (const [, archive] of archives) {
      expect(archive.Properties).toMatchObject({ ArchiveName: 'genesys-events-prod-archive', RetentionDays: 30 });
      for (const days of retentions) expect(archive.Properties?.RetentionDays).toBeLessThanOrEqual(days);
    }
  });

  it('exports the archive name and ARN with the app bus', () => {
    const exported = Object.values(template.Outputs ?? {}).map((output) => output.Export?.Name);
    const archived = template.Resources.AppBusArchive !== undefined;

    expect(exported.includes('genesys-events-prod-app-bus-archive-name')).toBe(archived);
    expect(exported.includes('genesys-events-prod-app-bus-archive-arn')).toBe(archived);
    expect(template.Outputs?.AppBusArchiveArn?.Value ?? null).toEqual(
      archived ? { 'Fn::GetAtt': ['AppBusArchive', 'Arn'] } : null,
    );
  });
});
