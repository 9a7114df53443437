/**
 * Reads the services' own serverless files (functions.yml, resources.yml, serverless.yml) so that the bench
 * measures the functions and tables that deploy, not a copy of them. CloudFormation short tags (`!Ref`,
 * `!GetAtt`, `!Sub`, ...) load as their long forms; only `${self:custom...}` and `${sls:stage}` are resolved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, load } from 'js-yaml';

/** The stage name the bench resolves `${sls:stage}` to. */
export const BENCH_STAGE = 'bench';

type Yaml = Record<string, unknown>;

const longForm = (tagName: string): string => {
  const name = tagName.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
};

const scalarTag = defineScalarTag('!', {
  matchByTagPrefix: true,
  resolve: (source, _explicit, tagName) => ({ [longForm(tagName)]: source }),
  identify: () => false,
});
const sequenceTag = defineSequenceTag<{ tag: string; items: unknown[] }, Yaml>('!', {
  matchByTagPrefix: true,
  create: (tag) => ({ tag, items: [] }),
  addItem: (carrier, item) => {
    carrier.items.push(item);
  },
  finalize: (carrier) => ({ [longForm(carrier.tag)]: carrier.items }),
  identify: () => false,
});
const mappingTag = defineMappingTag<{ tag: string; pairs: Yaml }, Yaml>('!', {
  matchByTagPrefix: true,
  create: (tag) => ({ tag, pairs: {} }),
  addPair: (carrier, key, value) => {
    carrier.pairs[String(key)] = value;
    return '';
  },
  has: (carrier, key) => String(key) in carrier.pairs,
  keys: (result) => Object.keys(Object.values(result)[0] as Yaml),
  get: (result, key) => (Object.values(result)[0] as Yaml)[String(key)],
  finalize: (carrier) => ({ [longForm(carrier.tag)]: carrier.pairs }),
  identify: () => false,
});
const schema = CORE_SCHEMA.withTags(scalarTag, sequenceTag, mappingTag);

/**
 * Loads a serverless or CloudFormation YAML file.
 *
 * @example
 * ```ts
 * const esbuildOptions = readYaml('packages/serverless-config/esbuild.yml');
 * ```
 */
export const readYaml = (path: string): Yaml => (load(readFileSync(path, 'utf8'), { schema }) ?? {}) as Yaml;

/**
 * Resolves `${self:custom.<path>}` and `${sls:stage}` in a string; anything else stays as it is.
 *
 * @example
 * ```ts
 * resolveVariables('${self:custom.tables.deliveries}', custom); // 'genesys-events-bench-deliveries'
 * ```
 */
export const resolveVariables = (value: string, custom: Yaml, depth = 0): string => {
  if (depth > 10) throw new Error(`bench: variables nested too deep in ${value}`);
  return value.replace(/\$\{(self:custom\.[\w.]+|sls:stage)\}/g, (whole, reference: string) => {
    if (reference === 'sls:stage') return BENCH_STAGE;
    let found: unknown = custom;
    for (const key of reference.slice('self:custom.'.length).split('.')) found = (found as Yaml | undefined)?.[key];
    return typeof found === 'string' ? resolveVariables(found, custom, depth + 1) : whole;
  });
};

/** What a function is triggered by, as far as the bench cares. */
export type FunctionTrigger =
  | { readonly kind: 'http'; readonly method: string; readonly path: string }
  | { readonly kind: 'eventbridge'; readonly pattern: unknown }
  | { readonly kind: 'schedule' }
  | { readonly kind: 'other' };

/** One deployable function, from a service's `serverless/functions.yml`. */
export interface FunctionDefinition {
  readonly service: string;
  readonly name: string;
  /** The handler's TypeScript source file. */
  readonly entry: string;
  /** The exported handler's name. */
  readonly exportName: string;
  readonly trigger: FunctionTrigger;
  /** Its environment with the bench stage's names (values that need parameters are left out). */
  readonly environment: Readonly<Record<string, string>>;
}

/** A service of the monorepo that has serverless files. */
export interface ServiceFiles {
  readonly name: string;
  readonly dir: string;
  readonly custom: Yaml;
}

/**
 * Every service under `services/` with a `serverless.yml`.
 *
 * @example
 * ```ts
 * listServices('/repo').map((service) => service.name); // ['analytics', 'conversation-events', 'ingest']
 * ```
 */
export const listServices = (root: string): ServiceFiles[] =>
  readdirSync(join(root, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'services', entry.name, 'serverless.yml')))
    .map((entry) => {
      const dir = join(root, 'services', entry.name);
      return {
        name: entry.name,
        dir,
        custom: withIncludedFiles((readYaml(join(dir, 'serverless.yml')).custom ?? {}) as Yaml, dir),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * The functions of every service whose handler source exists (a service still in progress is skipped).
 *
 * @example
 * ```ts
 * listFunctions('/repo').find((fn) => fn.name === 'genesysWebhook')?.entry; // '/repo/services/ingest/src/handlers/genesys-webhook.ts'
 * ```
 */
export const listFunctions = (root: string): FunctionDefinition[] =>
  listServices(root).flatMap((service) => {
    const file = join(service.dir, 'serverless', 'functions.yml');
    if (!existsSync(file)) return [];
    const custom = withLocalPaths(service);
    return Object.entries(readYaml(file)).flatMap(([name, value]) => {
      const definition = value as Yaml;
      const handler = resolveVariables(String(definition.handler), custom);
      const dot = handler.lastIndexOf('.');
      const entry = resolve(service.dir, `${handler.slice(0, dot)}.ts`);
      if (!existsSync(entry)) return [];
      return [
        {
          service: service.name,
          name,
          entry,
          exportName: handler.slice(dot + 1),
          trigger: triggerOf(definition.events, definition.subscribe),
          environment: environmentOf(definition.environment, custom),
        },
      ];
    });
  });

/** `custom` entries that are a whole `${file(...)}` (the shared lake names) are read from that file. */
const withIncludedFiles = (custom: Yaml, dir: string): Yaml =>
  Object.fromEntries(
    Object.entries(custom).map(([key, value]) => {
      const included = typeof value === 'string' ? /^\$\{file\(([^)]+)\)\}$/.exec(value)?.[1] : undefined;
      return [key, included ? readYaml(resolve(dir, included)) : value];
    }),
  );

/** A service's `custom.paths` point at `.`: resolved against the service folder. */
const withLocalPaths = (service: ServiceFiles): Yaml => ({
  ...service.custom,
  paths: Object.fromEntries(Object.keys((service.custom.paths ?? {}) as Yaml).map((key) => [key, service.dir])),
});

/** A function's first trigger: its first event, or the first pattern of its `subscribe` block. */
const triggerOf = (events: unknown, subscribe: unknown): FunctionTrigger => {
  const [firstPattern] = ((subscribe as Yaml | undefined)?.patterns ?? []) as Yaml[];
  if (firstPattern) return { kind: 'eventbridge', pattern: firstPattern };
  const [first] = Array.isArray(events) ? (events as Yaml[]) : [];
  const http = first?.httpApi as Yaml | undefined;
  if (http) return { kind: 'http', method: String(http.method ?? 'GET').toUpperCase(), path: String(http.path) };
  const rule = first?.eventBridge as Yaml | undefined;
  if (rule) return { kind: 'eventbridge', pattern: rule.pattern ?? {} };
  if (first?.schedule) return { kind: 'schedule' };
  return { kind: 'other' };
};

const environmentOf = (environment: unknown, custom: Yaml): Record<string, string> =>
  Object.fromEntries(
    Object.entries((environment ?? {}) as Yaml)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, value]) => [key, resolveVariables(value, custom)] as const)
      .filter(([, value]) => !value.includes('${')),
  );

/**
 * The `Resources` of every service's `serverless/resources.yml`, with table names resolved for the bench stage.
 *
 * @example
 * ```ts
 * await createTables({ endpoint, resources: serviceResources('/repo'), region: 'eu-west-1' });
 * ```
 */
export const serviceResources = (root: string): Yaml =>
  Object.assign(
    {},
    ...listServices(root).map((service) => {
      const file = join(service.dir, 'serverless', 'resources.yml');
      if (!existsSync(file)) return {};
      const resources = (readYaml(file).Resources ?? {}) as Record<string, Yaml>;
      return Object.fromEntries(
        Object.entries(resources).map(([id, resource]) => [id, withResolvedTableName(resource, service.custom)]),
      );
    }),
  );

const withResolvedTableName = (resource: Yaml, custom: Yaml): Yaml => {
  const properties = resource.Properties as Yaml | undefined;
  if (resource.Type !== 'AWS::DynamoDB::Table' || typeof properties?.TableName !== 'string') return resource;
  return { ...resource, Properties: { ...properties, TableName: resolveVariables(properties.TableName, custom) } };
};
