/**
 * The answer path of each ingest path against an AWS stub that answers every call after
 * {@link AWS_ROUND_TRIP_MS}: the AWS calls a request makes before it is answered, by kind, for new events
 * and for redeliveries, and the handler's wall time per new event, which is what Lambda bills (rounded up
 * to the millisecond). Requests are sent one after the other, as one Lambda instance serves them.
 *
 * On a shared machine the stub's answers come late now and then (the process waits for a core when its
 * timer fires), so the billed figure is the code's own time (wall time less the time waiting for answers)
 * plus exactly the round trips' delays: what Lambda would bill had every answer come after 10 ms. The wall
 * times as measured are kept beside it.
 */

import { type AwsStub, stubAws } from '../aws-stub';
import type { Handler } from '../build-functions';
import { dynamoMemory, keySchemasOf } from '../dynamo-memory';
import { httpApiEvent, lambdaContext } from '../fixtures/lambda-events';
import type { Scheme, SignedWebhook } from '../fixtures/webhooks';
import { median, percentile } from '../measure';
import {
  INGEST_PATHS,
  type IngestPath,
  isDeduplicated,
  type RoundTrips,
  requestOf,
  schemeOf,
  totalRoundTrips,
} from './ingest-paths';
import { expectAnswer } from './ingest-setup';

/** How long the stub takes to answer each AWS call, as the billed duration budget states it. */
export const AWS_ROUND_TRIP_MS = 10;

/** Every this many new requests, the last one is sent again, byte for byte. */
const REDELIVER_EVERY = 10;

/** One path's answer path. */
export interface AnswerPathFigures {
  /** Round trips per new event and per redelivery (means over the sample). */
  readonly newEvent: RoundTrips;
  readonly redelivery: RoundTrips;
  readonly requests: number;
  readonly redeliveries: number;
  /** The stub's delay per call, in milliseconds. */
  readonly awsDelayMs: number;
  /** Handler wall time per new event, in milliseconds, as measured. */
  readonly wallP50Ms: number;
  readonly wallP99Ms: number;
  /** Time waiting for the stub's answers per request (median). */
  readonly awsWaitP50Ms: number;
  /** The rest of each request's wall time: the code's own (median, 99th percentile). */
  readonly ownP50Ms: number;
  readonly ownP99Ms: number;
  /** The median request's billed milliseconds: its round trips × the delay + its own time, rounded up. */
  readonly billedMs: number;
  /** The mean of each request's billed milliseconds. */
  readonly meanBilledMs: number;
  /** The median wall time as measured, rounded up (the stub's late answers included). */
  readonly wallBilledMs: number;
}

/** How many requests to send per path. */
export interface AnswerPathSettings {
  readonly requests: number;
  /** Untimed new requests first, per path. */
  readonly warmup: number;
}

interface Sample {
  readonly wallMs: number;
  readonly waitedMs: number;
  readonly trips: RoundTrips;
}

/**
 * Measures every path's answer path. Installs the stub on the SDK client prototypes (over any other).
 *
 * @example
 * ```ts
 * const figures = await measureAnswerPaths(setup.handlers, serviceResources(root), { requests: 200, warmup: 20 });
 * figures.openMessaging.newEvent; // { claim: 1, publish: 1, complete: 1, other: 0 }
 * ```
 */
export const measureAnswerPaths = async (
  handlers: Readonly<Record<Scheme, Handler>>,
  resources: Record<string, unknown>,
  settings: AnswerPathSettings,
): Promise<Record<IngestPath, AnswerPathFigures>> => {
  const aws = stubAws({ delayMs: AWS_ROUND_TRIP_MS, dynamo: dynamoMemory(keySchemasOf(resources)) });
  const results = {} as Record<IngestPath, AnswerPathFigures>;
  let next = 1;
  for (const path of INGEST_PATHS) {
    const send = sender(path, handlers[schemeOf(path)], aws);
    for (let i = 0; i < settings.warmup; i += 1) await send(requestOf(path, next++), 'accepted');
    const samples: Sample[] = [];
    const redeliveryTrips: RoundTrips[] = [];
    for (let i = 1; i <= settings.requests; i += 1) {
      const webhook = requestOf(path, next++);
      samples.push(await send(webhook, 'accepted'));
      if (i % REDELIVER_EVERY === 0 || i === settings.requests) {
        redeliveryTrips.push((await send(webhook, isDeduplicated(path) ? 'duplicate' : 'accepted')).trips);
      }
    }
    results[path] = figuresOf(samples, redeliveryTrips);
  }
  return results;
};

/** Sends one request to a path's handler and answers its wall time, its wait for AWS and its round trips. */
const sender = (path: IngestPath, handler: Handler, aws: AwsStub) => {
  const context = lambdaContext();
  return async (webhook: SignedWebhook, status: string) => {
    const event = httpApiEvent(webhook.request);
    aws.reset();
    const started = performance.now();
    const answer = await handler(event, context);
    const wallMs = performance.now() - started;
    // A call still running once the handler answered is not on the answer path, and Lambda would freeze it.
    if (aws.pending() > 0) throw new Error(`bench: ${path} answered with ${aws.pending()} AWS calls still running`);
    expectAnswer(`${path} (answer path)`, answer, status);
    return { wallMs, waitedMs: aws.waitedMs(), trips: tripsOf(aws) };
  };
};

const tripsOf = ({ calls }: AwsStub): RoundTrips => {
  const claim = calls.total((name) => name === 'PutItem');
  const publish = calls.total((name) => name === 'PutEvents');
  const complete = calls.total((name) => name === 'UpdateItem');
  return { claim, publish, complete, other: calls.total() - claim - publish - complete };
};

const meanTrips = (trips: readonly RoundTrips[]): RoundTrips => {
  const mean = (pick: (value: RoundTrips) => number) =>
    trips.reduce((sum, value) => sum + pick(value), 0) / Math.max(1, trips.length);
  return {
    claim: mean((value) => value.claim),
    publish: mean((value) => value.publish),
    complete: mean((value) => value.complete),
    other: mean((value) => value.other),
  };
};

const figuresOf = (samples: readonly Sample[], redeliveryTrips: readonly RoundTrips[]): AnswerPathFigures => {
  const walls = samples.map((sample) => sample.wallMs);
  const owns = samples.map((sample) => sample.wallMs - sample.waitedMs);
  const billed = samples.map((sample) =>
    Math.ceil(totalRoundTrips(sample.trips) * AWS_ROUND_TRIP_MS + sample.wallMs - sample.waitedMs),
  );
  return {
    newEvent: meanTrips(samples.map((sample) => sample.trips)),
    redelivery: meanTrips(redeliveryTrips),
    requests: samples.length,
    redeliveries: redeliveryTrips.length,
    awsDelayMs: AWS_ROUND_TRIP_MS,
    wallP50Ms: median(walls),
    wallP99Ms: percentile(walls, 99),
    awsWaitP50Ms: median(samples.map((sample) => sample.waitedMs)),
    ownP50Ms: median(owns),
    ownP99Ms: percentile(owns, 99),
    billedMs: median(billed),
    meanBilledMs: billed.reduce((sum, value) => sum + value, 0) / Math.max(1, billed.length),
    wallBilledMs: Math.ceil(median(walls)),
  };
};
