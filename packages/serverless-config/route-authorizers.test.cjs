'use strict';
const { describe, expect, it } = require('@jest/globals');
const RouteAuthorizersPlugin = require('./route-authorizers.cjs');
const { placeholderIssuers, removeUnusedAuthorizers, unprotectedRoutes } = RouteAuthorizersPlugin;

// Resources as osls 4.3 compiles httpApi events and provider.httpApi.authorizers.
const authorizer = { Type: 'AWS::ApiGatewayV2::Authorizer', Properties: { AuthorizerType: 'JWT' } };
const route = (routeKey, protection = {}) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: { ApiId: { Ref: 'HttpApi' }, RouteKey: routeKey, Target: 'integrations/x', ...protection },
});
const jwt = (scopes = ['conversations:read']) => ({
  AuthorizationType: 'JWT',
  AuthorizerId: { Ref: 'HttpApiAuthorizerOidc' },
  AuthorizationScopes: scopes,
});
const templateOf = (routes) => ({ Resources: { HttpApiAuthorizerOidc: authorizer, ...routes } });

const serverlessWith = (template, authorizers, events = []) => ({
  service: {
    provider: { compiledCloudFormationTemplate: template, httpApi: { authorizers } },
    getAllFunctions: () => ['fn'],
    getFunction: () => ({ events }),
  },
});

describe('unprotectedRoutes', () => {
  it('passes read routes behind the JWT authorizer with a scope, and webhook routes without one', () => {
    const template = templateOf({
      Read: route('GET /conversations/{conversationId}', jwt()),
      Erase: route('DELETE /conversations/{conversationId}', jwt(['conversations:erase'])),
      Seed: route('ANY /webhooks/genesys'),
      OpenMessaging: route('POST /webhooks/open-messaging'),
    });

    expect(unprotectedRoutes(template)).toEqual([]);
  });

  it.each([
    [
      'a read route without an authorizer',
      route('GET /analytics/summary'),
      'GET /analytics/summary: has no authorizer',
    ],
    [
      'a route with AuthorizationType NONE',
      route('GET /x', { AuthorizationType: 'NONE' }),
      'GET /x: has no authorizer',
    ],
    ['a JWT route without scopes', route('GET /x', jwt([])), 'GET /x: requires no scope'],
    [
      'a route naming an authorizer the template lacks',
      route('GET /x', { ...jwt(), AuthorizerId: { Ref: 'Missing' } }),
      'GET /x: names no authorizer of this template',
    ],
    ['a GET under /webhooks/', route('GET /webhooks/genesys'), 'GET /webhooks/genesys: has no authorizer'],
    ['a lookalike webhook path', route('ANY /webhooksx/a'), 'ANY /webhooksx/a: has no authorizer'],
    ['the catch-all route', route('$default'), '$default: has no authorizer'],
  ])('reports %s', (_, unprotected, problem) => {
    expect(unprotectedRoutes(templateOf({ Route: unprotected }))).toEqual([problem]);
  });

  it('accepts an IAM-authorised route', () => {
    expect(unprotectedRoutes(templateOf({ R: route('GET /x', { AuthorizationType: 'AWS_IAM' }) }))).toEqual([]);
  });
});

describe('the route authorizers check', () => {
  it('fails packaging and names every unprotected route', () => {
    const plugin = new RouteAuthorizersPlugin(
      serverlessWith(templateOf({ A: route('GET /a'), B: route('GET /b', jwt()), C: route('PUT /c') })),
    );

    expect(() => plugin.hooks['before:package:finalize']()).toThrow(
      /every route but the webhooks needs an authorizer with its scopes:\n {2}GET \/a: has no authorizer\n {2}PUT \/c: has no authorizer$/,
    );
  });

  it('lets a template without HTTP routes package', () => {
    const plugin = new RouteAuthorizersPlugin(serverlessWith({ Resources: {} }));

    expect(() => plugin.hooks['before:package:finalize']()).not.toThrow();
  });

  it('removes an authorizer no route names (the ingest stack) and keeps the ones in use', () => {
    const template = templateOf({ Seed: route('ANY /webhooks/genesys') });
    const used = templateOf({ Read: route('GET /a', jwt()) });

    expect(removeUnusedAuthorizers(template)).toEqual(['HttpApiAuthorizerOidc']);
    expect(template.Resources).not.toHaveProperty('HttpApiAuthorizerOidc');
    expect(removeUnusedAuthorizers(used)).toEqual([]);
  });

  it('stops a deploy whose routes use an authorizer that still trusts the placeholder issuer', () => {
    const placeholder = { oidc: { type: 'jwt', issuerUrl: 'https://oidc-issuer.invalid' } };
    const real = { oidc: { type: 'jwt', issuerUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC' } };
    const readEvent = { httpApi: { method: 'GET', path: '/a', authorizer: { name: 'oidc', scopes: ['s'] } } };
    const deploy = (authorizers, events) =>
      new RouteAuthorizersPlugin(serverlessWith({ Resources: {} }, authorizers, events)).hooks[
        'before:deploy:deploy'
      ]();

    expect(placeholderIssuers(placeholder)).toEqual(['oidc']);
    expect(placeholderIssuers(real)).toEqual([]);
    expect(() => deploy(placeholder, [readEvent])).toThrow('placeholder issuer');
    expect(() => deploy(placeholder, [{ httpApi: { method: 'POST', path: '/webhooks/x' } }])).not.toThrow();
    expect(() => deploy(real, [readEvent])).not.toThrow();
  });
});
