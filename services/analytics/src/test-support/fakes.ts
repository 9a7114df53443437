/**
 * In-memory stand-ins for the analytics table and the app-bus publisher, with the semantics of the real
 * ones: put-once on the content key.
 */

import type { PublishEvent } from '@genesys-events/app-bus';
import type { AppBusEvent } from '@genesys-events/core';
import type { AnalyticsEvent } from '../model/analytics-event';
import type { AnalyticsTable, StoreOutcome } from '../store/analytics-table';

/** An in-memory {@link AnalyticsTable}; `erase` stands for the consumer kit's erasure (tombstone and delete). */
export const inMemoryTable = (): AnalyticsTable & {
  readonly items: Map<string, AnalyticsEvent>;
  putCalls: number;
  readonly erase: (conversationId: string) => void;
} => {
  const items = new Map<string, AnalyticsEvent>();
  const erased = new Set<string>();
  const eventsOf = (conversationId: string): AnalyticsEvent[] =>
    erased.has(conversationId)
      ? []
      : [...items.values()].filter((event) => event.conversationId === conversationId).map((e) => structuredClone(e));
  const table = {
    items,
    putCalls: 0,
    putOnce: async (event: AnalyticsEvent): Promise<StoreOutcome> => {
      table.putCalls += 1;
      if (erased.has(event.conversationId)) return 'erased';
      const key = `${event.conversationId}\u0000${event.eventKey}`;
      if (items.has(key)) return 'duplicate';
      items.set(key, structuredClone(event));
      return 'stored';
    },
    listConversation: async (conversationId: string): Promise<AnalyticsEvent[]> => eventsOf(conversationId),
    readConversation: async (conversationId: string) => ({
      erased: erased.has(conversationId),
      events: eventsOf(conversationId),
    }),
    erase: (conversationId: string) => {
      erased.add(conversationId);
      for (const [key, event] of items) if (event.conversationId === conversationId) items.delete(key);
    },
  };
  return table;
};

/** A publisher that records what it was given; it fails the first `failures` calls. */
export const recordingPublisher = (
  failures = 0,
): PublishEvent & { readonly published: AppBusEvent[]; calls: number } => {
  const published: AppBusEvent[] = [];
  const publish = Object.assign(
    async (event: AppBusEvent): Promise<string> => {
      publish.calls += 1;
      if (publish.calls <= failures) throw new Error('PutEvents unavailable');
      published.push(structuredClone(event));
      return `evt-${publish.calls}`;
    },
    { published, calls: 0 },
  );
  return publish;
};
