import type { AppBusEnvelope } from '@genesys-events/core';
import { isLakeEvent, type LakeRow, lakeRowOf } from '@genesys-events/lake/row';
import type { LocalLake } from '../store/local-lake';
import type { Tombstones } from './tombstones';

/** An erasure the lake carried out: ids and a count, never personal data. */
export interface LakeErasure {
  readonly conversationId: string;
  readonly requestId: string;
  readonly deletedRows: number;
}

/** What the ingest tells its owner (log lines, erasure reports). */
export interface IngestListener {
  readonly log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  readonly erased?: (erasure: LakeErasure) => Promise<void> | void;
}

/** The local stand-in for the Firehose delivery stream: buffers rows and writes them every flush. */
export interface LakeIngest {
  /** Takes events from the bus: rows are buffered; an erasure request is carried out at once. */
  readonly accept: (envelopes: readonly AppBusEnvelope[]) => Promise<void>;
  /** Writes what is buffered; resolves once it is on disk. */
  readonly flush: () => Promise<void>;
}

const ERASURE_REQUESTED = 'conversation.erasure.requested';

/**
 * The ingest of the local lake. Every event but the erasure bookkeeping becomes a row (the cloud rule's
 * pattern); rows wait in memory until the next {@link LakeIngest.flush} (the server flushes every second, as
 * Firehose buffers). A `conversation.erasure.requested` drops the conversation's buffered rows, rewrites its
 * files, and leaves a tombstone that keeps its late events out.
 *
 * @example
 * ```ts
 * const ingest = lakeIngest({ lake, tombstones, listener, now: () => new Date() });
 * await ingest.accept(envelopesOf(entries, identity, new Date()));
 * setInterval(() => void ingest.flush(), 1000);
 * ```
 */
export const lakeIngest = ({
  lake,
  tombstones,
  listener,
  now,
}: {
  lake: LocalLake;
  tombstones: Tombstones;
  listener: IngestListener;
  now: () => Date;
}): LakeIngest => {
  let pending: LakeRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    try {
      await lake.write(rows);
    } catch (error) {
      // Kept for the next flush rather than lost (the local bus does not redeliver to us).
      pending = [...rows, ...pending];
      listener.log('error', 'lake write failed', { rows: rows.length, reason: (error as Error).message });
    }
  };
  const erase = async (conversationId: string, requestId: string) => {
    tombstones.add(conversationId, now());
    const kept = pending.filter((row) => row.conversation_id !== conversationId);
    const dropped = pending.length - kept.length;
    pending = kept;
    await flush();
    const deletedRows = dropped + (await lake.erase(conversationId));
    listener.log('info', 'conversation erased', {
      service: 'lake',
      conversationId,
      requestId,
      deletedItems: deletedRows,
    });
    await listener.erased?.({ conversationId, requestId, deletedRows });
  };
  const take = (envelope: AppBusEnvelope) => {
    const row = lakeRowOf(envelope);
    if (!row) {
      listener.log('warn', 'event not written: no app-bus detail or no time', { detailType: envelope['detail-type'] });
      return;
    }
    if (row.conversation_id && tombstones.has(row.conversation_id)) {
      listener.log('info', 'event not written: conversation erased', { conversationId: row.conversation_id });
      return;
    }
    pending.push(row);
  };
  return {
    accept: async (envelopes) => {
      for (const envelope of envelopes) {
        const erasure = erasureOf(envelope);
        if (erasure) await erase(erasure.conversationId, erasure.requestId);
        else if (isLakeEvent(envelope)) take(envelope);
      }
    },
    flush,
  };
};

const erasureOf = (envelope: AppBusEnvelope): { conversationId: string; requestId: string } | undefined => {
  if (isLakeEvent(envelope) || envelope['detail-type'] !== ERASURE_REQUESTED) return undefined;
  const body = (envelope.detail as { eventBody?: Record<string, unknown> } | null)?.eventBody ?? {};
  const { conversationId, requestId } = body;
  const isId = (value: unknown): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= 256;
  return isId(conversationId) && isId(requestId) ? { conversationId, requestId } : undefined;
};
