'use strict';
// The local app bus (serverless-offline-aws-eventbridge) dispatches each PutEvents batch with
// `invokeSubscribers(entries)` in its own process, whether or not it relays the batch over its MQTT broker
// (the project's patch no longer does, for the main thread's sake). The local parts that must see every
// event (the archive, the lake) listen here: one wrapper, any number of listeners, and a listener that
// fails is logged and never reaches the bus.

const LISTENERS = Symbol.for('genesys-events.local-bus.listeners');
/** How long `onLocalBusBatches` gathers batches before handing them over. */
const GATHER_MS = 100;

/**
 * The local bus among the loaded plugins, or undefined.
 *
 * @example
 * findLocalBus(serverless.pluginManager.plugins); // the ServerlessOfflineAwsEventBridgePlugin instance
 */
function findLocalBus(plugins) {
  return plugins.find((plugin) => typeof plugin?.invokeSubscribers === 'function');
}

/**
 * Hands each batch the bus dispatches to `listener` first (entries as PutEvents took them).
 *
 * @example
 * onLocalBusBatch(bus, (entries) => writer.record(entries), (text) => console.log(text));
 */
function onLocalBusBatch(bus, listener, log) {
  if (!bus[LISTENERS]) {
    const listeners = [];
    const dispatch = bus.invokeSubscribers;
    bus.invokeSubscribers = function invokeSubscribersTapped(entries, ...rest) {
      for (const tap of listeners) {
        try {
          tap.listener(entries);
        } catch (error) {
          tap.log?.(`a local bus batch was not taken: ${error.message}`);
        }
      }
      return dispatch.call(this, entries, ...rest);
    };
    bus[LISTENERS] = listeners;
  }
  bus[LISTENERS].push({ listener, log });
}

/**
 * Like `onLocalBusBatch`, but gathers the batches dispatched within `everyMs` and hands them to `listener`
 * together, each with the time the bus dispatched it (`at`, ms): one file write or one IPC message per
 * tenth of a second instead of one per PutEvents call, which on offline's main thread cost more than the
 * work they carried. The bus has answered and dispatched every event already; `flush()` hands over what is
 * gathered at once (when offline stops).
 *
 * @example
 * const tap = onLocalBusBatches(bus, (batches) => child.send({ batches }), { log });
 * tap.flush();
 */
function onLocalBusBatches(bus, listener, { everyMs = GATHER_MS, log } = {}) {
  let gathered = [];
  let timer;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (gathered.length === 0) return;
    const batches = gathered;
    gathered = [];
    try {
      listener(batches);
    } catch (error) {
      log?.(`local bus batches were not taken: ${error.message}`);
    }
  };
  const gather = (entries) => {
    if (!Array.isArray(entries) || entries.length === 0) return;
    gathered.push({ entries, at: Date.now() });
    if (timer === undefined) {
      timer = setTimeout(flush, everyMs);
      // Never what keeps offline running; stopping flushes.
      timer.unref?.();
    }
  };
  onLocalBusBatch(bus, gather, log);
  return { flush };
}

module.exports = { findLocalBus, onLocalBusBatch, onLocalBusBatches };
