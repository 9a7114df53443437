'use strict';
// The local app bus (serverless-offline-aws-eventbridge) dispatches each PutEvents batch with
// `invokeSubscribers(entries)` in its own process, whether or not it relays the batch over its MQTT broker
// (the project's patch no longer does, for the main thread's sake). The local parts that must see every
// event (the archive, the lake) listen here: one wrapper, any number of listeners, and a listener that
// fails is logged and never reaches the bus.

const LISTENERS = Symbol.for('genesys-events.local-bus.listeners');

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

module.exports = { findLocalBus, onLocalBusBatch };
