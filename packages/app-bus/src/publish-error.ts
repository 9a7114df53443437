/**
 * The app bus did not accept an event: the request is answered 503 so the sender retries, and nothing is
 * acknowledged that was not durably published.
 *
 * @example
 * ```ts
 * throw new PublishError('entry_failed', 'PutEvents rejected the entry', { errorCode: 'ThrottlingException' });
 * ```
 */
export class PublishError extends Error {
  readonly reason: 'entry_failed' | 'request_failed';
  readonly details: Readonly<Record<string, string>>;

  constructor(
    reason: PublishError['reason'],
    message: string,
    details: Record<string, string> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PublishError';
    this.reason = reason;
    this.details = details;
  }
}

/** The event, once wrapped for PutEvents, is over EventBridge's 256 KiB entry limit (answered 413). */
export class EventTooLargeError extends Error {
  readonly entryBytes: number;

  constructor(entryBytes: number) {
    super(`the event is ${entryBytes} bytes on the bus, over the 256 KiB entry limit`);
    this.name = 'EventTooLargeError';
    this.entryBytes = entryBytes;
  }
}
