/** Another request is handling the same delivery right now (503, the sender retries). */
export class DeliveryInFlightError extends Error {
  constructor() {
    super('the same delivery is still being handled');
    this.name = 'DeliveryInFlightError';
  }
}
