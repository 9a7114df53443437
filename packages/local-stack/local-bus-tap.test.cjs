'use strict';
const { describe, expect, it } = require('@jest/globals');
const { findLocalBus, onLocalBusBatch } = require('./local-bus-tap.cjs');

class FakeBus {
  constructor() {
    this.dispatched = [];
  }

  invokeSubscribers(entries) {
    this.dispatched.push(entries);
    return 'dispatched';
  }
}

describe('local bus tap', () => {
  it('finds the bus among the plugins by its dispatch method', () => {
    const bus = new FakeBus();

    expect(findLocalBus([{}, bus])).toBe(bus);
    expect(findLocalBus([{}])).toBeUndefined();
  });

  it('hands every batch to each listener before the bus dispatches it', () => {
    const bus = new FakeBus();
    const seen = [];
    onLocalBusBatch(bus, (entries) => seen.push(['archive', entries]));
    onLocalBusBatch(bus, (entries) => seen.push(['lake', entries]));

    const answer = bus.invokeSubscribers([{ DetailType: 't' }]);

    expect(answer).toBe('dispatched');
    expect(seen).toEqual([
      ['archive', [{ DetailType: 't' }]],
      ['lake', [{ DetailType: 't' }]],
    ]);
    expect(bus.dispatched).toEqual([[{ DetailType: 't' }]]);
  });

  it('logs a listener that fails and still dispatches, to the other listeners too', () => {
    const bus = new FakeBus();
    const logged = [];
    const seen = [];
    onLocalBusBatch(
      bus,
      () => {
        throw new Error('disk full');
      },
      (text) => logged.push(text),
    );
    onLocalBusBatch(bus, (entries) => seen.push(entries));

    bus.invokeSubscribers(['e']);

    expect(logged).toEqual(['a local bus batch was not taken: disk full']);
    expect(seen).toEqual([['e']]);
    expect(bus.dispatched).toEqual([['e']]);
  });
});
