/**
 * The claims table could not be read or written, so whether the work is new is unknown: do not do it and
 * do not acknowledge it (answer 503 or throw, so that the sender retries).
 *
 * @example
 * ```ts
 * if (error instanceof ClaimStoreError) return retryLater();
 * ```
 */
export class ClaimStoreError extends Error {
  readonly operation: 'claim' | 'read';

  constructor(operation: ClaimStoreError['operation'], cause: unknown) {
    super(`the claims table failed to ${operation} a record`, { cause });
    this.name = 'ClaimStoreError';
    this.operation = operation;
  }
}
