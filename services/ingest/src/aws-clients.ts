/**
 * Settings of every AWS client ingest creates. Genesys waits 10 s for an answer and the function has 8:
 * each AWS call may take 2 s and is tried at most 3 times, so a stuck dependency ends in a 503 (retry)
 * rather than a timeout. Without `throwOnRequestTimeout` the SDK only warns when the request timeout
 * passes and keeps waiting.
 *
 * @example
 * ```ts
 * const client = new EventBridgeClient(AWS_CLIENT_SETTINGS);
 * ```
 */
export const AWS_CLIENT_SETTINGS = {
  maxAttempts: 3,
  requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000, throwOnRequestTimeout: true },
};
