import { randomUUID } from 'node:crypto';
import type { AppBusEnvelope } from '@genesys-events/core';

/** Where the local bus says its events come from. */
export interface BusIdentity {
  /** Only entries put on this bus are taken (the app bus); entries that name no bus are too. */
  readonly busName: string;
  readonly account: string;
  readonly region: string;
}

/**
 * The events of one PutEvents request of the local bus, as an EventBridge rule target receives them (the
 * shape the cloud's rule hands Firehose): entries of other buses and entries whose `Detail` is not JSON
 * are left out. `time` is the moment the bus handled them, as the local bus sets it for its consumers.
 *
 * @example
 * ```ts
 * envelopesOf([{ Source: 's', DetailType: 't', Detail: '{"topicName":"t"}', EventBusName: 'genesys-events-dev' }], identity, new Date());
 * // [{ version: '0', id: '...', 'detail-type': 't', source: 's', time: '...', detail: { topicName: 't' }, ... }]
 * ```
 */
export const envelopesOf = (entries: unknown, identity: BusIdentity, now: Date): AppBusEnvelope[] => {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown) => {
    const envelope = envelopeOf(entry, identity, now);
    return envelope ? [envelope] : [];
  });
};

const envelopeOf = (entry: unknown, identity: BusIdentity, now: Date): AppBusEnvelope | undefined => {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { Source, DetailType, Detail, EventBusName } = entry as Record<string, unknown>;
  if (EventBusName !== undefined && EventBusName !== identity.busName) return undefined;
  if (typeof Source !== 'string' || typeof DetailType !== 'string' || typeof Detail !== 'string') return undefined;
  const detail = parsed(Detail);
  if (detail === undefined) return undefined;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': DetailType,
    source: Source,
    account: identity.account,
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: identity.region,
    resources: [],
    detail,
  } as AppBusEnvelope;
};

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
