/**
 * The deliveries table could not be read or written, so whether a delivery is new is unknown: it is
 * neither published nor acknowledged (503, the sender retries).
 */
export class DedupeStoreError extends Error {
  readonly operation: 'claim' | 'read';

  constructor(operation: DedupeStoreError['operation'], cause: unknown) {
    super(`the deliveries table failed to ${operation} a delivery record`, { cause });
    this.name = 'DedupeStoreError';
    this.operation = operation;
  }
}

/** Another request is handling the same delivery right now (503, the sender retries). */
export class DeliveryInFlightError extends Error {
  constructor() {
    super('the same delivery is still being handled');
    this.name = 'DeliveryInFlightError';
  }
}
