'use strict';
// A serverless plugin that keeps every packaged template least-privileged. Each function has its own
// role (serverless-iam-roles-per-function), so the framework's shared default role is left unused: it is
// removed, because an unused role with broad log permissions is still a role an attacker could use. Then
// every IAM statement is checked: a `*` action, a `service:*` action or a `*` resource fails packaging.

const DEFAULT_ROLE = 'IamRoleLambdaExecution';

function isReferenced(template, logicalId) {
  const { [logicalId]: _self, ...others } = template.Resources ?? {};
  const text = JSON.stringify({ ...template, Resources: others });
  return text.includes(`"Ref":"${logicalId}"`) || text.includes(`["${logicalId}",`) || text.includes(`"${logicalId}.`);
}

function statementsOf(template) {
  const statements = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const policies = resource.Type === 'AWS::IAM::Role' ? (resource.Properties?.Policies ?? []) : [];
    const documents = resource.Type === 'AWS::IAM::Policy' ? [resource.Properties] : policies;
    for (const policy of documents) {
      for (const statement of policy?.PolicyDocument?.Statement ?? []) statements.push({ logicalId, statement });
    }
  }
  return statements;
}

function broadGrants(template) {
  const problems = [];
  for (const { logicalId, statement } of statementsOf(template)) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of [].concat(statement.Action ?? [])) {
      if (action === '*' || /:\*$/.test(action)) problems.push(`${logicalId}: action ${action}`);
    }
    for (const resource of [].concat(statement.Resource ?? [])) {
      if (resource === '*') problems.push(`${logicalId}: resource *`);
    }
  }
  return problems;
}

class LeastPrivilegePlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.check() };
  }

  check() {
    const template = this.serverless.service.provider.compiledCloudFormationTemplate;
    if (template.Resources?.[DEFAULT_ROLE] && !isReferenced(template, DEFAULT_ROLE))
      delete template.Resources[DEFAULT_ROLE];
    const problems = broadGrants(template);
    if (problems.length > 0) {
      throw new Error(`least privilege: broad IAM grants in the template:\n  ${problems.join('\n  ')}`);
    }
  }
}

module.exports = LeastPrivilegePlugin;
module.exports.broadGrants = broadGrants;
module.exports.isReferenced = isReferenced;
