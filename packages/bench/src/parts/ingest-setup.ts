/**
 * What the ingest part measures: each scheme's handler (the webhook function serving its route), the
 * requests, and the tasks (ours per scheme, ours with delivery ids, the floor per scheme, the naive handler,
 * the required and the minimal work per scheme).
 */
import { type BuiltFunction, type Handler, importHandler } from '../build-functions';
import { benchId } from '../fixtures/bodies';
import { httpApiEvent, lambdaContext } from '../fixtures/lambda-events';
import {
  BENCH_SECRETS,
  SCHEME_PATHS,
  SCHEMES,
  type Scheme,
  type SignedWebhook,
  signedWebhook,
} from '../fixtures/webhooks';
import type { BenchTask } from '../measure';
import type { CallCase } from '../measure-paired';
import { INGEST_PATHS, type IngestPath, schemeOf } from './ingest-paths';
import { floorCheck, naiveSeedFormHandler } from './references';
import { type ReferenceEvent, type ReferenceKind, type RequiredWork, referenceHandler } from './required-work';

/** The secret (or API key) each scheme's requests are signed with: the current one of each list. */
const SECRET_OF: Readonly<Record<Scheme, string>> = {
  seedForm: BENCH_SECRETS.genesys[0],
  seedHeader: BENCH_SECRETS.genesys[0],
  openMessaging: BENCH_SECRETS.openMessaging[0],
  eventBridgeApi: BENCH_SECRETS.eventBridgeApiKeys[0],
};

/** The ingest bench's handlers and requests. */
export interface IngestSetup {
  readonly handlers: Readonly<Record<Scheme, Handler>>;
  readonly webhooks: Readonly<Record<Scheme, SignedWebhook>>;
  readonly naive: ReturnType<typeof naiveSeedFormHandler>;
  /** Each route's required-work reference, and its minimal-work one (see `required-work.ts`). */
  readonly requiredWork: Readonly<Record<Scheme, RequiredWork>>;
  readonly minimalWork: Readonly<Record<Scheme, RequiredWork>>;
  /** Calls a scheme's handler with a fresh event of its request (or of another request). */
  readonly invoke: (scheme: Scheme, webhook?: SignedWebhook) => Promise<unknown>;
  /** A seed header request with a delivery id never used before. */
  readonly withDeliveryId: () => SignedWebhook;
}

/**
 * Imports the webhook functions (set their environment and SDK stubs first) and prepares the requests.
 *
 * @example
 * ```ts
 * const setup = await ingestSetup(readBuiltFunctions(paths));
 * await setup.invoke('seedForm');
 * ```
 */
export const ingestSetup = async (functions: readonly BuiltFunction[]): Promise<IngestSetup> => {
  const handlers = await schemeHandlers(functions);
  const webhooks = Object.fromEntries(SCHEMES.map((scheme) => [scheme, signedWebhook(scheme, benchId(1))])) as Record<
    Scheme,
    SignedWebhook
  >;
  const context = lambdaContext();
  let delivery = 0;
  return {
    handlers,
    webhooks,
    naive: naiveSeedFormHandler(SECRET_OF.seedForm),
    requiredWork: references('required'),
    minimalWork: references('minimal'),
    invoke: (scheme, webhook = webhooks[scheme]) => handlers[scheme](httpApiEvent(webhook.request), context),
    withDeliveryId: () => {
      delivery += 1;
      return signedWebhook('seedHeader', benchId(1), `bench-delivery-${delivery}`);
    },
  };
};

const references = (kind: ReferenceKind) =>
  Object.fromEntries(SCHEMES.map((scheme) => [scheme, referenceHandler(scheme, SECRET_OF[scheme], kind)])) as Record<
    Scheme,
    RequiredWork
  >;

/** Ours and the route's required work on one path, on the same request. */
export interface ChainCases {
  readonly ours: CallCase;
  readonly requiredWork: CallCase;
}

/**
 * Ours and the required work of every path. Each event is built fresh (the chain writes to its event); on
 * the delivery id path both sign a request with a new delivery id each time, so both deduplicate.
 *
 * @example
 * ```ts
 * const { ours } = chainCases(setup).openMessaging;
 * await ours.call(ours.next());
 * ```
 */
export const chainCases = ({
  handlers,
  webhooks,
  requiredWork,
  withDeliveryId,
}: Omit<IngestSetup, 'minimalWork'>): Record<IngestPath, ChainCases> => {
  const context = lambdaContext();
  const casesOf = (path: IngestPath): ChainCases => {
    const scheme = schemeOf(path);
    const request = () => (path === 'seedHeaderWithDeliveryId' ? withDeliveryId() : webhooks[scheme]).request;
    return {
      ours: { next: () => httpApiEvent(request()), call: (event) => handlers[scheme](event, context) },
      requiredWork: {
        next: () => httpApiEvent(request()),
        call: (event) => requiredWork[scheme](event as ReferenceEvent),
      },
    };
  };
  return Object.fromEntries(INGEST_PATHS.map((path) => [path, casesOf(path)])) as Record<IngestPath, ChainCases>;
};

/**
 * Every task. Events are built before each call, untimed: the chain writes to its event.
 *
 * @example
 * ```ts
 * await measure(ingestTasks(setup), settings.ingest);
 * ```
 */
export const ingestTasks = (setup: IngestSetup): BenchTask[] => {
  const { webhooks, naive, minimalWork } = setup;
  const cases = chainCases(setup);
  const prepared = (name: string, next: () => unknown, call: (event: unknown) => unknown): BenchTask => {
    let event: unknown;
    return {
      name,
      async: true,
      beforeEach: () => {
        event = next();
      },
      fn: () => call(event),
    };
  };
  return [
    ...INGEST_PATHS.map((path) => prepared(`ours:${path}`, cases[path].ours.next, cases[path].ours.call)),
    ...SCHEMES.map((scheme) => {
      const { signedText, expectedMac } = webhooks[scheme];
      return {
        name: `floor:${scheme}`,
        async: false,
        fn: () => floorCheck(SECRET_OF[scheme], signedText, expectedMac),
      };
    }),
    prepared(
      'naive:seedForm',
      () => httpApiEvent(webhooks.seedForm.request),
      (event) => naive(event as { body?: string }),
    ),
    ...SCHEMES.map((scheme) =>
      prepared(`requiredWork:${scheme}`, cases[scheme].requiredWork.next, cases[scheme].requiredWork.call),
    ),
    ...SCHEMES.map((scheme) =>
      prepared(
        `minimalWork:${scheme}`,
        () => httpApiEvent(webhooks[scheme].request),
        (event) => minimalWork[scheme](event as ReferenceEvent),
      ),
    ),
  ];
};

/** The handler of each scheme: the webhook function whose HTTP route is the scheme's path. */
const schemeHandlers = async (functions: readonly BuiltFunction[]): Promise<Record<Scheme, Handler>> => {
  const byPath = new Map<string, Handler>();
  for (const fn of functions) {
    if (fn.trigger.kind === 'http' && Object.values(SCHEME_PATHS).includes(fn.trigger.path)) {
      byPath.set(fn.trigger.path, await importHandler(fn));
    }
  }
  return Object.fromEntries(
    SCHEMES.map((scheme) => {
      const handler = byPath.get(SCHEME_PATHS[scheme]);
      if (!handler) throw new Error(`bench: no function serves ${SCHEME_PATHS[scheme]}`);
      return [scheme, handler];
    }),
  ) as Record<Scheme, Handler>;
};

/**
 * Fails unless a webhook answer is a 200 with the given status.
 *
 * @example
 * ```ts
 * expectAnswer('seed form', await setup.invoke('seedForm'), 'accepted');
 * ```
 */
export const expectAnswer = (what: string, response: unknown, status: string): void => {
  const { statusCode, body } = (response ?? {}) as { statusCode?: number; body?: string };
  const answered = (JSON.parse(body ?? '{}') as { status?: string }).status;
  if (statusCode !== 200 || answered !== status) {
    throw new Error(`bench: ${what} answered ${statusCode} ${body} instead of 200 ${status}`);
  }
};
