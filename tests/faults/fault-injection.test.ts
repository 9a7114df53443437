import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dynamoDbFaults, emptyCounters, eventBridgeFaults } from './aws-faults';
import { type FaultProxy, seededRandom, startFaultProxy } from './fault-proxy';
import {
  assertPortsFree,
  FAULT_PORTS,
  FAULT_SYSTEM_LOG,
  type FaultSystem,
  removeServiceDir,
  startFaultSystem,
  stopFaultSystem,
  waitForExit,
} from './fault-system';
import { deliver, poisonDelivery, RETRY_POLICY, validDeliveries, withConcurrency } from './genesys-sender';
import {
  closeAccounting,
  readConversationSurely,
  readDeadLetters,
  storedPerConversation,
  waitForStoresToSettle,
  waitUntilVisible,
} from './loss-accounting';

// Fault injection with loss accounting: the whole local system (serverless offline, the local app bus,
// dynalite) runs with its functions reaching EventBridge and DynamoDB through fault proxies, a sender
// retries like Genesys, and at the end every event must be stored exactly once and every poison event parked.

const EVENT_COUNT = Number(process.env.FAULT_EVENTS ?? 120);
const CONCURRENCY = 8;
/** Local bus retries of a failing consumer for this run (instead of the rules' 20), 150 to 300 ms apart (no backoff). */
const BUS_RETRIES = 10;
const BUS_RETRY_DELAY_MS = 300;
const SEED = process.env.FAULT_SEED === undefined ? randomInt(1, 2 ** 31 - 1) : Number(process.env.FAULT_SEED);

const counters = emptyCounters();
const deadLetterDir = mkdtempSync(join(tmpdir(), 'fault-dead-letters-'));
const proxies: FaultProxy[] = [];
let system: FaultSystem | undefined;

const consumerFailures = (output: string, functionKey: string): number =>
  output.split(`Unhandled exception in handler '${functionKey}'`).length - 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  console.log(`fault-injection: seed ${SEED} (FAULT_SEED=${SEED} replays the fault decisions)`);
  await assertPortsFree();
  proxies.push(
    await startFaultProxy({
      port: FAULT_PORTS.eventBridgeProxy,
      targetPort: FAULT_PORTS.eventBridge,
      decide: eventBridgeFaults(seededRandom(SEED), counters),
      onHoldEnded: (heldMs) => counters.heldMs.push(heldMs),
    }),
    await startFaultProxy({
      port: FAULT_PORTS.dynamodbProxy,
      targetPort: FAULT_PORTS.dynamodb,
      decide: dynamoDbFaults(seededRandom(SEED ^ 0x5bd1e995), counters),
    }),
  );
  system = await startFaultSystem({
    LOCAL_EVENTBRIDGE_RETRIES: String(BUS_RETRIES),
    LOCAL_EVENTBRIDGE_RETRY_DELAY_MS: String(BUS_RETRY_DELAY_MS),
    LOCAL_EVENTBRIDGE_RETRY_MAX_DELAY_MS: String(BUS_RETRY_DELAY_MS),
    LOCAL_DEAD_LETTER_DIR: deadLetterDir,
  });
}, 150_000);

afterAll(async () => {
  if (system) {
    stopFaultSystem(system.child);
    await waitForExit(system.child);
    removeServiceDir(system.serviceDir);
  }
  await Promise.all(proxies.map((proxy) => proxy.close()));
  closeAccounting();
  rmSync(deadLetterDir, { recursive: true, force: true });
}, 30_000);

describe('fault injection with loss accounting', () => {
  it('accepts poison events, retries them on the local bus and parks them as dead letters', async () => {
    const started = system?.output().length ?? 0;
    const markers = [`poison-${randomUUID()}`, `poison-${randomUUID()}`];
    const results = await Promise.all(markers.map((marker) => deliver(poisonDelivery(marker))));
    expect(results.map((result) => [result.delivery.name, result.acceptance?.status, result.tries])).toEqual(
      results.map((result) => [result.delivery.name, 'accepted', expect.arrayContaining([200])]),
    );

    // Each parked copy (a lost PutEvents answer publishes a poison event twice) was tried 1 + BUS_RETRIES times.
    const parked = () => readDeadLetters(deadLetterDir).filter((l) => l.functionKey === 'storeConversationEvent');
    const failures = () => consumerFailures(system?.output().slice(started) ?? '', 'storeConversationEvent');
    const settled = () =>
      markers.every((marker) => parked().some((letter) => letter.text.includes(marker))) &&
      failures() === (BUS_RETRIES + 1) * parked().length;
    for (let round = 0; round < 120 && !settled(); round += 1) await sleep(500);

    const letters = parked();
    for (const marker of markers)
      expect(letters.filter((letter) => letter.text.includes(marker)).length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.file).toBe('storeConversationEvent.ndjson');
      expect(markers.some((marker) => letter.event.detail?.eventBody?.poisonMarker === marker)).toBe(true);
      expect(letter.error).toMatch(/names no conversation/);
      expect(Number.isNaN(Date.parse(letter.failedAt))).toBe(false);
    }
    expect(failures()).toBe((BUS_RETRIES + 1) * letters.length);
  }, 90_000);

  it('stores every accepted event exactly once while EventBridge and DynamoDB fail', async () => {
    const startedAt = Date.now();
    const deliveries = validDeliveries(EVENT_COUNT);
    const results = await withConcurrency(deliveries, CONCURRENCY, deliver);
    const accepted = results.filter((result) => result.acceptance !== undefined);
    const retries = results.reduce((sum, result) => sum + result.tries.length - 1, 0);
    const unexpected = results.flatMap((result) =>
      result.unexpected.map((answer) => `${result.delivery.name} ${answer}`),
    );

    const ids = deliveries.map((delivery) => delivery.conversationId);
    const invisible = await waitUntilVisible(ids, 120_000);
    await waitForStoresToSettle();
    const stored = await storedPerConversation();
    const served = await withConcurrency(ids, CONCURRENCY, readConversationSurely);
    const validIds = new Set(ids);
    const storedTotal = [...stored].filter(([id]) => validIds.has(id)).reduce((sum, [, count]) => sum + count, 0);
    const duplicatesStored = [...stored.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const deadLetters = readDeadLetters(deadLetterDir);
    const { throttled, partial, timeout, lostAnswer, dynamodb } = counters;

    const held = [...counters.heldMs].sort((a, b) => a - b);
    console.log(
      `fault-injection: sent ${EVENT_COUNT}, accepted ${accepted.length} (after ${retries} retries), ` +
        `stored ${storedTotal}, duplicates stored ${duplicatesStored}, ` +
        `faults { throttled: ${throttled}, partial: ${partial}, timeout: ${timeout}, lostAnswer: ${lostAnswer}, ` +
        `dynamodb: ${dynamodb} }, seed ${SEED}`,
    );
    console.log(
      [
        `fault-injection details: ${Math.round((Date.now() - startedAt) / 1000)} s, concurrency ${CONCURRENCY}, ` +
          `sender retry delays from ${RETRY_POLICY.firstDelayMs} ms, doubling (Genesys waits 5 s), ` +
          `local bus retries ${BUS_RETRIES}, ${BUS_RETRY_DELAY_MS / 2} to ${BUS_RETRY_DELAY_MS} ms apart`,
        `forwarded: PutEvents ${counters.putEventsForwarded}, DynamoDB ${counters.dynamodbForwarded}`,
        `held PutEvents (the client's requestTimeout is 2 s) ended after ms: ${held.join(', ') || 'none'}`,
        `dead letters: ${deadLetters.length} (all poison: ${deadLetters.every((letter) => letter.text.includes('poison-'))})`,
        `answers outside the contract (${unexpected.length}): ${unexpected.join(' | ') || 'none'}`,
        `local system log: ${FAULT_SYSTEM_LOG}`,
      ].join('\n'),
    );

    // Every 200 stands for the stored event: the served event is the one that was accepted, over its transport.
    const servedOtherwise = results.flatMap((result, index) => {
      const events = served[index] ?? [];
      const match = events.filter(
        (event) => event.detailType === result.acceptance?.detailType && event.transport === result.delivery.transport,
      );
      return events.length === 1 && match.length === 1 ? [] : [`${result.delivery.name}: ${JSON.stringify(events)}`];
    });
    // One comparison, so that a failure shows every kind of loss at once.
    expect({
      // The sender gave up on nothing: every event got its 200 within Genesys's retries.
      gaveUp: results.filter((r) => !r.acceptance).map((r) => `${r.delivery.name}: ${r.tries.join(',')}`),
      // Exactly one stored event per conversation: none lost, none twice, nothing else.
      storedTotal,
      notStoredOnce: ids.filter((id) => stored.get(id) !== 1).map((id) => `${id}: ${stored.get(id) ?? 0}`),
      strayItems: [...stored.keys()].filter((id) => !validIds.has(id)),
      notServed: invisible,
      servedOtherwise,
      // No valid event was parked; the only dead letters are the poison events'.
      validDeadLetters: deadLetters.filter((letter) => ids.some((id) => letter.text.includes(id))).map((l) => l.text),
      otherDeadLetters: deadLetters.filter((letter) => !letter.text.includes('poison-')).map((l) => l.text),
      // Every kind of fault was really injected.
      faultKindsNotInjected: Object.entries({ throttled, partial, timeout, lostAnswer, dynamodb })
        .filter(([, count]) => count === 0)
        .map(([kind]) => kind),
    }).toEqual({
      gaveUp: [],
      storedTotal: EVENT_COUNT,
      notStoredOnce: [],
      strayItems: [],
      notServed: [],
      servedOtherwise: [],
      validDeadLetters: [],
      otherDeadLetters: [],
      faultKindsNotInjected: [],
    });
  }, 300_000);
});
