import { expect } from '@jest/globals';
import type { Template } from './packaged-templates';

/** The scope each read route requires (README, "Access tokens"); webhook routes need none. */
export const ROUTE_SCOPES: Readonly<Record<string, string>> = {
  'GET /conversations/{conversationId}': 'conversations:read',
  'DELETE /conversations/{conversationId}': 'conversations:erase',
  'GET /analytics/conversations/{conversationId}': 'analytics:read',
  'GET /analytics/summary': 'analytics:read',
  'GET /analytics/summary/results/{queryId}': 'analytics:read',
};

const WEBHOOK_ROUTE = /^(POST|ANY) \/webhooks\//;

type Resource = Template['Resources'][string];

const routesOf = (template: Template): [string, Resource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::ApiGatewayV2::Route');

/**
 * Checks a packaged template: every webhook route has no authorizer (its function verifies the delivery's
 * signature or key); every other route is `AuthorizationType: JWT` with an `AWS::ApiGatewayV2::Authorizer`
 * of type JWT of the same template (bearer token in `Authorization`, an issuer and an audience) and exactly
 * the scope {@link ROUTE_SCOPES} names for it; a stack without such routes keeps no authorizer.
 */
export const expectRoutesAuthorised = (template: Template): void => {
  const routes = routesOf(template);
  const protectedRoutes = routes.filter(([, route]) => !WEBHOOK_ROUTE.test(String(route.Properties?.RouteKey)));
  for (const [, route] of routes.filter((entry) => !protectedRoutes.includes(entry))) {
    expect(route.Properties?.AuthorizationType ?? 'NONE').toBe('NONE');
  }
  for (const [, route] of protectedRoutes) {
    const routeKey = String(route.Properties?.RouteKey);
    const authorizerId = (route.Properties?.AuthorizerId as { Ref?: string } | undefined)?.Ref ?? '';
    const authorizer = template.Resources[authorizerId];
    expect({
      routeKey,
      type: route.Properties?.AuthorizationType,
      scopes: route.Properties?.AuthorizationScopes,
    }).toEqual({
      routeKey,
      type: 'JWT',
      scopes: [ROUTE_SCOPES[routeKey] ?? `(no scope known for ${routeKey})`],
    });
    expect(authorizer?.Type).toBe('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties).toEqual(
      expect.objectContaining({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Issuer: expect.stringMatching(/^https:\/\//), Audience: ['genesys-events'] },
      }),
    );
  }
  const authorizers = Object.values(template.Resources).filter(
    (resource) => resource.Type === 'AWS::ApiGatewayV2::Authorizer',
  );
  if (protectedRoutes.length === 0) expect(authorizers).toEqual([]);
};
