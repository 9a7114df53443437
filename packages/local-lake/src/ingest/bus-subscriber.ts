import mqtt from 'mqtt';

/** The topic the local bus (serverless-offline-aws-eventbridge) publishes every PutEvents request on. */
export const LOCAL_BUS_TOPIC = 'eventBridge';

/** A subscription to the local bus; `close` ends it. */
export interface BusSubscription {
  readonly close: () => Promise<void>;
}

/**
 * Subscribes to the local bus's MQTT broker, which receives the entries of every PutEvents request the
 * local bus accepts (the plugin's own way of sharing one bus between processes). Each message's entries are
 * handed to `onEntries` in order, one message at a time. Resolves once subscribed.
 *
 * @example
 * ```ts
 * const subscription = await subscribeToLocalBus('mqtt://127.0.0.1:4011', (entries) => ingest.accept(...));
 * ```
 */
export const subscribeToLocalBus = async (
  url: string,
  onEntries: (entries: unknown) => Promise<void>,
  { timeoutMs = 15_000, onError }: { timeoutMs?: number; onError?: (error: Error) => void } = {},
): Promise<BusSubscription> => {
  const client = mqtt.connect(url, { reconnectPeriod: 500, connectTimeout: timeoutMs });
  let chain: Promise<void> = Promise.resolve();
  client.on('message', (_topic, payload) => {
    chain = chain.then(async () => {
      try {
        await onEntries(JSON.parse(payload.toString()));
      } catch (error) {
        onError?.(error as Error);
      }
    });
  });
  // A broker restart drops the subscription with the session; every (re)connection subscribes again.
  const subscribed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no local bus broker at ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    client.on('connect', () => {
      client.subscribe(LOCAL_BUS_TOPIC, (error) => {
        if (error) return reject(error);
        clearTimeout(timer);
        resolve();
      });
    });
  });
  try {
    await subscribed;
  } catch (error) {
    client.end(true);
    throw error;
  }
  return { close: () => client.endAsync().then(() => chain) };
};
