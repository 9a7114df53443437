import type { ServiceNames } from './service-name';

/** The versions a new service depends on, taken from the consumer kit so that they match the system's. */
export interface KitVersions {
  readonly dependencies: Readonly<Record<string, string>>;
}

const KIT_DEPENDENCIES = ['@aws-lambda-powertools/logger', '@aws-lambda-powertools/metrics', '@middy/core'];

/** The service's package.json. */
export const packageJson = ({ name }: ServiceNames, kit: KitVersions): string => {
  const pinned = Object.fromEntries(KIT_DEPENDENCIES.map((dependency) => [dependency, kit.dependencies[dependency]]));
  const manifest = {
    name: `@genesys-events/${name}`,
    version: '0.1.0',
    private: true,
    description: `${name}: a service of genesys-events, consuming events from the app bus.`,
    type: 'module',
    scripts: {
      typecheck: 'tsc -b',
      test: 'node --experimental-vm-modules ../../node_modules/jest/bin/jest.js',
      package: 'serverless package --stage prod',
    },
    dependencies: {
      ...pinned,
      '@genesys-events/consumer-kit': 'workspace:*',
      '@genesys-events/core': 'workspace:*',
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
};

/** The service's tsconfig.json. */
export const tsconfigJson = ({ name }: ServiceNames): string =>
  `${JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        rootDir: 'src',
        outDir: `../../node_modules/.cache/tsc/${name}`,
        tsBuildInfoFile: `../../node_modules/.cache/tsc/${name}.tsbuildinfo`,
        types: ['node'],
      },
      include: ['src'],
      references: [{ path: '../../packages/core' }, { path: '../../packages/consumer-kit' }],
    },
    null,
    2,
  )}\n`;

/** The service's jest.config.mjs. */
export const jestConfig = ({ name }: ServiceNames): string =>
  `import base from '../../jest.config.base.mjs';\n\nexport default { ...base, displayName: '${name}' };\n`;

/** The service's own serverless.yml: it deploys alone, attached to the app bus the ingest stack exports. */
export const serverlessYml = ({
  name,
  camel,
}: ServiceNames): string => `# The ${name} service alone: \`serverless deploy --stage prod\` from this folder deploys it, attached to
# the app bus that the ingest stack exports. Locally it runs with the whole system (npm run dev at the
# root finds it under services/).
service: genesys-events-${name}
frameworkVersion: "4"
configValidationMode: error

plugins:
  - serverless-esbuild
  - serverless-iam-roles-per-function
  - "@genesys-events/serverless-config"

params: \${file(../../packages/serverless-config/params.yml)}
provider: \${file(../../packages/serverless-config/provider.yml)}

custom:
  paths:
    serverlessConfig: ../../packages/serverless-config
    ${camel}: .
  appBusName: genesys-events-\${sls:stage}
  appBus:
    Fn::ImportValue: genesys-events-\${sls:stage}-app-bus-name
  esbuild: \${file(../../packages/serverless-config/esbuild.yml)}

layers:
  powertools: \${file(../../packages/serverless-config/powertools-layer.yml)}

functions: \${file(serverless/functions.yml)}
resources:
  - \${file(../../packages/serverless-config/operations.yml)}
`;

/** The service's functions, written once for its own serverless.yml and the root one. */
export const functionsYml = ({
  name,
  camel,
}: ServiceNames): string => `# ${name}'s functions, written once: included by this service's serverless.yml and by the root
# serverless.yml. \`subscribe\` declares what the function consumes; the project's plugin makes the rules
# on the app bus, their retry policy, and this service's dead-letter queue with its policy and alarm.
# The key is unique in the whole system (the root serverless.yml holds every service's functions); the
# name stays within Lambda's 64 characters.
${camel}LogCustomerEnd:
  name: genesys-events-\${sls:stage}-${name}-customer-end
  handler: \${self:custom.paths.${camel}}/src/handlers/log-customer-end.handler
  description: Logs one structured line per customer.end event
  subscribe:
    deadLetterQueue: ${name}
    patterns:
      - detail-type:
          - v2.detail.events.conversation.{id}.customer.end
  # What the function may touch, as its own least-privilege role (the plugin writes the statements), e.g.
  # access: { publishToAppBus: true, tables: [{ table: my-table, actions: [GetItem, PutItem] }] }
`;
