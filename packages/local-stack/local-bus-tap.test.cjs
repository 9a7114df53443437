'use strict';
const { describe, expect, it } = require('@jest/globals');
const { findLocalBus, onLocalBusBatch, onLocalBusBatches } = require('./local-bus-tap.cjs');

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

describe('local bus tap, gathered', () => {
  it('hands the batches of a tenth of a second over together, each with its dispatch time', () => {
    jest.useFakeTimers({ now: Date.parse('2025-03-14T09:26:53.500Z') });
    const bus = new FakeBus();
    const handed = [];
    onLocalBusBatches(bus, (batches) => handed.push(batches));

    bus.invokeSubscribers([{ DetailType: 'a' }]);
    jest.advanceTimersByTime(40);
    bus.invokeSubscribers([{ DetailType: 'b' }, { DetailType: 'c' }]);
    bus.invokeSubscribers([]);
    const before = handed.length;
    jest.advanceTimersByTime(60);

    expect(before).toBe(0);
    expect(handed).toEqual([
      [
        { entries: [{ DetailType: 'a' }], at: Date.parse('2025-03-14T09:26:53.500Z') },
        { entries: [{ DetailType: 'b' }, { DetailType: 'c' }], at: Date.parse('2025-03-14T09:26:53.540Z') },
      ],
    ]);
    expect(bus.dispatched).toHaveLength(3);
    jest.useRealTimers();
  });

  it('hands over what it gathered on flush, once, and logs a listener that fails', () => {
    jest.useFakeTimers();
    const bus = new FakeBus();
    const handed = [];
    const logged = [];
    const tap = onLocalBusBatches(
      bus,
      (batches) => {
        handed.push(batches.length);
        if (handed.length === 2) throw new Error('child gone');
      },
      { log: (text) => logged.push(text) },
    );

    bus.invokeSubscribers(['e1']);
    tap.flush();
    tap.flush();
    jest.advanceTimersByTime(1000);
    bus.invokeSubscribers(['e2']);
    jest.advanceTimersByTime(1000);

    expect(handed).toEqual([1, 1]);
    expect(logged).toEqual(['local bus batches were not taken: child gone']);
    jest.useRealTimers();
  });
});
