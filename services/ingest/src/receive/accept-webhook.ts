import { type GatewayInfo, recogniseEvent, toAppBusEvent } from '@genesys-events/core';
import type { PublishEvent } from '../publish/app-bus-publisher';

/** A verified webhook payload and how it arrived. */
export interface VerifiedDelivery {
  /** The verified JSON text (the form's `webhook` field or the raw body). */
  readonly payload: string;
  readonly gateway: GatewayInfo;
}

/** What the sender is told once its event is on the bus. */
export interface Acceptance {
  readonly status: 'accepted';
  readonly eventId: string;
  readonly detailType: string;
}

/**
 * Recognises a verified payload, normalises it to the app-bus shape and publishes it. Resolves only once
 * the bus accepted the event; malformed payloads throw core's `MalformedPayloadError`, publish failures
 * throw `PublishError`.
 *
 * @example
 * ```ts
 * const acceptance = await acceptWebhook({ payload, gateway }, { publish });
 * ```
 */
export const acceptWebhook = async (
  { payload, gateway }: VerifiedDelivery,
  { publish }: { publish: PublishEvent },
): Promise<Acceptance> => {
  const event = toAppBusEvent(recogniseEvent(payload), gateway);
  const eventId = await publish(event);
  return { status: 'accepted', eventId, detailType: event.detailType };
};
