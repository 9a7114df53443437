import { type CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { DescribeRuleCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CliError } from '../cli/errors';

/**
 * The CloudFormation stack a service deploys as (`serverless deploy` from `services/<service>`).
 *
 * @example
 * ```ts
 * serviceStackName('analytics', 'prod'); // 'genesys-events-analytics-prod'
 * ```
 */
export const serviceStackName = (service: string, stage: string): string => `genesys-events-${service}-${stage}`;

/**
 * Options of {@link findServiceRules}; the clients are injected so tests stub them at the SDK boundary.
 *
 * @example
 * ```ts
 * const options: ServiceRulesOptions = { cloudFormation, eventBridge, stackName: 'genesys-events-analytics-prod', busName: 'genesys-events-prod' };
 * ```
 */
export interface ServiceRulesOptions {
  readonly cloudFormation: CloudFormationClient;
  readonly eventBridge: EventBridgeClient;
  readonly stackName: string;
  readonly busName: string;
}

/**
 * The ARNs of a service's rules on the app bus: the `AWS::Events::Rule` resources of its stack (the stack
 * says what the service owns; the bus's rules and targets would have to be attributed by naming
 * conventions), each described on the app bus to get its ARN. Rules on another bus (the ingest stack's
 * partner forwarding rule) are left out. A stack that does not exist is an unknown service (exit 2).
 *
 * @example
 * ```ts
 * await findServiceRules({ cloudFormation, eventBridge, stackName: 'genesys-events-analytics-prod', busName: 'genesys-events-prod' });
 * // ['arn:aws:events:eu-west-1:123456789012:rule/genesys-events-prod/genesys-events-analytics-prod-Consume...']
 * ```
 */
export const findServiceRules = async (options: ServiceRulesOptions): Promise<string[]> => {
  const arns: string[] = [];
  for (const physicalId of await stackRuleIds(options)) {
    // A rule on a custom bus is `<bus>|<rule>`; on the default bus, just its name.
    const [bus, name] = physicalId.includes('|') ? physicalId.split('|') : [undefined, physicalId];
    if (bus !== undefined && bus !== options.busName) continue;
    const arn = await ruleArn(options.eventBridge, name ?? '', options.busName);
    if (arn) arns.push(arn);
  }
  return arns;
};

const stackRuleIds = async ({ cloudFormation, stackName }: ServiceRulesOptions): Promise<string[]> => {
  const ids: string[] = [];
  try {
    for await (const page of paginateListStackResources({ client: cloudFormation }, { StackName: stackName })) {
      for (const resource of page.StackResourceSummaries ?? []) {
        if (resource.ResourceType === 'AWS::Events::Rule' && resource.PhysicalResourceId) {
          ids.push(resource.PhysicalResourceId);
        }
      }
    }
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) {
      throw new CliError(`unknown service: there is no stack ${stackName} (deploy it from services/<service>)`, {
        exitCode: 2,
        cause: error,
      });
    }
    throw error;
  }
  return ids;
};

const ruleArn = async (eventBridge: EventBridgeClient, name: string, busName: string): Promise<string | undefined> => {
  try {
    return (await eventBridge.send(new DescribeRuleCommand({ Name: name, EventBusName: busName }))).Arn;
  } catch (error) {
    // A default-bus rule of the stack: not on the app bus.
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
};
