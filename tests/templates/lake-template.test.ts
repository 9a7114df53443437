import { join } from 'node:path';
import { LAKE_COLUMNS } from '@genesys-events/lake/schema';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { deployables, packagedTemplate, type Template } from './packaged-templates';

type Resource = Template['Resources'][string];

const only = (template: Template, type: string): Resource => {
  const found = Object.values(template.Resources).filter((resource) => resource.Type === type);
  expect(found).toHaveLength(1);
  return found[0] as Resource;
};

const lakeService = deployables().find(({ dir }) => dir.endsWith(join('services', 'lake')));

describe('the packaged prod template of services/lake', () => {
  let template: Template;

  beforeAll(async () => {
    if (!lakeService) throw new Error('services/lake is not a deployable');
    ({ template } = await packagedTemplate(lakeService.dir));
  });

  it('holds the Iceberg table events with the columns of the lake schema, partitioned by event date', () => {
    const table = only(template, 'AWS::Glue::Table').Properties as {
      TableInput: { Name: string };
      OpenTableFormatInput: {
        IcebergInput: { IcebergTableInput: Record<string, { Fields: Record<string, unknown>[] }> };
      };
    };
    const iceberg = table.OpenTableFormatInput.IcebergInput.IcebergTableInput;

    expect(table.TableInput.Name).toBe('events');
    expect(iceberg.Schema?.Fields.map((field) => [field.Name, field.Type])).toEqual(
      LAKE_COLUMNS.map((column) => [column.name, column.type]),
    );
    expect(iceberg.PartitionSpec?.Fields).toEqual([
      { FieldId: 1000, Name: 'event_date', SourceId: 2, Transform: 'identity' },
    ]);
  });

  it('delivers every app-bus event but the erasure bookkeeping through Firehose into that table', () => {
    const rule = Object.values(template.Resources).find(
      (resource) => resource.Type === 'AWS::Events::Rule' && JSON.stringify(resource).includes('LakeDeliveryStream'),
    );
    const stream = only(template, 'AWS::KinesisFirehose::DeliveryStream').Properties as {
      IcebergDestinationConfiguration: Record<string, unknown>;
    };

    expect(rule?.Properties?.EventPattern).toEqual({ source: [{ 'anything-but': ['genesys-events.erasure'] }] });
    expect(stream.IcebergDestinationConfiguration).toMatchObject({
      AppendOnly: true,
      DestinationTableConfigurationList: [
        { DestinationDatabaseName: 'genesys_events_prod_lake', DestinationTableName: 'events' },
      ],
      ProcessingConfiguration: { Enabled: true, Processors: [expect.objectContaining({ Type: 'Lambda' })] },
    });
  });

  it('runs Athena in a workgroup of its own, with its own result location and a per-query scan limit', () => {
    const workGroup = only(template, 'AWS::Athena::WorkGroup').Properties as {
      Name: string;
      WorkGroupConfiguration: Record<string, unknown>;
    };

    expect(workGroup.Name).toBe('genesys-events-prod-lake');
    expect(workGroup.WorkGroupConfiguration).toMatchObject({
      EnforceWorkGroupConfiguration: true,
      BytesScannedCutoffPerQuery: 10_737_418_240,
      ResultConfiguration: { OutputLocation: expect.anything() },
    });
  });

  it('alarms on rows Firehose could not deliver', () => {
    const alarms = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');

    expect(alarms.map((alarm) => alarm.Properties?.MetricName)).toEqual(
      expect.arrayContaining(['DeliveryToIceberg.FailedRowCount', 'FailedInvocations']),
    );
  });

  it('keeps buckets private and results for a day, delivery errors for the retention period', () => {
    const buckets = Object.entries(template.Resources)
      .filter(([id, resource]) => resource.Type === 'AWS::S3::Bucket' && id !== 'ServerlessDeploymentBucket')
      .map(([, resource]) => resource);

    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    expect(JSON.stringify(buckets)).toContain('"ExpirationInDays":1');
    expect(JSON.stringify(buckets)).toContain('"Prefix":"errors/","ExpirationInDays":90');
  });
});
