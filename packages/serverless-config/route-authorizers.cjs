'use strict';
// A serverless plugin check that keeps every packaged HTTP API route behind an authorizer. The webhook
// routes authenticate each delivery by its signature or API key (Genesys sends no bearer token), so they
// are the only routes that may go without: `POST /webhooks/...`, or `ANY /webhooks/...` whose function
// answers 405 to anything but POST. Every other route must name a JWT (or Lambda, or IAM) authorizer that
// the template defines, and a JWT route at least one scope; packaging fails otherwise. The shared
// provider settings define the `oidc` authorizer for every stack; osls compiles it even where no route uses
// it (the ingest stack), so an authorizer no route names is removed, like the unused default role.

const WEBHOOK_ROUTE = /^(POST|ANY) \/webhooks\//;
const AUTHORIZATION_TYPES = new Set(['JWT', 'CUSTOM', 'AWS_IAM']);

/** The logical id a `{ Ref: id }` names, or undefined. */
function refOf(value) {
  return value && typeof value === 'object' && typeof value.Ref === 'string' ? value.Ref : undefined;
}

/** Why one route is not properly protected, or undefined when it is. */
function routeProblem(route, resources) {
  const { RouteKey: routeKey, AuthorizationType: type = 'NONE', AuthorizerId, AuthorizationScopes } = route;
  if (typeof routeKey === 'string' && WEBHOOK_ROUTE.test(routeKey)) return undefined;
  if (!AUTHORIZATION_TYPES.has(type)) return 'has no authorizer';
  if (type === 'AWS_IAM') return undefined;
  const authorizer = resources[refOf(AuthorizerId)];
  if (authorizer?.Type !== 'AWS::ApiGatewayV2::Authorizer') return 'names no authorizer of this template';
  if (type === 'JWT' && !(Array.isArray(AuthorizationScopes) && AuthorizationScopes.length > 0)) {
    return 'requires no scope';
  }
  return undefined;
}

/**
 * Every HTTP API route of a template that is not protected, as `"<route key>": <why>` lines.
 *
 * @example
 * unprotectedRoutes({ Resources: { R: { Type: 'AWS::ApiGatewayV2::Route', Properties: { RouteKey: 'GET /x' } } } });
 * // ['GET /x: has no authorizer']
 */
function unprotectedRoutes(template) {
  const resources = template.Resources ?? {};
  const problems = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Route') continue;
    const problem = routeProblem(resource.Properties ?? {}, resources);
    if (problem) problems.push(`${resource.Properties?.RouteKey ?? logicalId}: ${problem}`);
  }
  return problems;
}

/**
 * The JWT authorizers still on a placeholder issuer (an `.invalid` host, RFC 2606): deployable, but they
 * refuse every token, so `serverless deploy` stops on them.
 *
 * @example
 * placeholderIssuers({ oidc: { type: 'jwt', issuerUrl: 'https://oidc-issuer.invalid' } }); // ['oidc']
 */
function placeholderIssuers(authorizers = {}) {
  return Object.entries(authorizers)
    .filter(
      ([, { issuerUrl }]) =>
        typeof issuerUrl === 'string' && /^https?:\/\/[^/]*\.invalid(?::\d+)?(\/|$)/.test(issuerUrl),
    )
    .map(([name]) => name);
}

/**
 * Removes the HTTP API authorizers no route of the template names; returns their logical ids.
 *
 * @example
 * removeUnusedAuthorizers(ingestTemplate); // ['HttpApiAuthorizerOidc']
 */
function removeUnusedAuthorizers(template) {
  const resources = template.Resources ?? {};
  const used = new Set(
    Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
      .map((resource) => refOf(resource.Properties?.AuthorizerId)),
  );
  const unused = Object.keys(resources).filter(
    (logicalId) => resources[logicalId].Type === 'AWS::ApiGatewayV2::Authorizer' && !used.has(logicalId),
  );
  for (const logicalId of unused) delete resources[logicalId];
  return unused;
}

/** The names of the authorizers the service's httpApi events use. */
function authorizersInUse(service) {
  const names = new Set();
  for (const name of service.getAllFunctions?.() ?? []) {
    for (const event of service.getFunction(name).events ?? []) {
      const authorizer = event.httpApi?.authorizer;
      if (authorizer) names.add(typeof authorizer === 'string' ? authorizer : authorizer.name);
    }
  }
  return names;
}

class RouteAuthorizersPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:package:finalize': () => this.check(),
      'before:deploy:deploy': () => this.checkIssuers(),
    };
  }

  checkIssuers() {
    const inUse = authorizersInUse(this.serverless.service);
    const names = placeholderIssuers(this.serverless.service.provider.httpApi?.authorizers).filter((name) =>
      inUse.has(name),
    );
    if (names.length > 0) {
      throw new Error(
        `route authorizers: ${names.join(', ')} still trusts the placeholder issuer; set OIDC_ISSUER_URL or --param="oidcIssuerUrl=https://..."`,
      );
    }
  }

  check() {
    const template = this.serverless.service.provider.compiledCloudFormationTemplate;
    removeUnusedAuthorizers(template);
    const problems = unprotectedRoutes(template);
    if (problems.length > 0) {
      throw new Error(
        `route authorizers: every route but the webhooks needs an authorizer with its scopes:\n  ${problems.join('\n  ')}`,
      );
    }
  }
}

module.exports = RouteAuthorizersPlugin;
module.exports.unprotectedRoutes = unprotectedRoutes;
module.exports.placeholderIssuers = placeholderIssuers;
module.exports.removeUnusedAuthorizers = removeUnusedAuthorizers;
