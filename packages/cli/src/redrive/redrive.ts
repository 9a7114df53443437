import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * What a redrive did. `invalid` messages are not EventBridge events and stay on the queue.
 *
 * @example
 * ```ts
 * const { moved, failed } = await redrive(options);
 * ```
 */
export interface RedriveCounts {
  received: number;
  moved: number;
  failed: number;
  invalid: number;
  /** Dry run only: messages that would have been moved. */
  wouldMove: number;
}

/**
 * Options of {@link redrive}; the clients are injected so tests stub them at the SDK boundary.
 *
 * @example
 * ```ts
 * await redrive({ sqs: new SQSClient({}), eventBridge: new EventBridgeClient({}), queueUrl, busName: 'genesys-events-dev' });
 * ```
 */
export interface RedriveOptions {
  readonly sqs: SQSClient;
  readonly eventBridge: EventBridgeClient;
  readonly queueUrl: string;
  readonly busName: string;
  /** Stop after this many messages (default: until the queue is empty). */
  readonly max?: number;
  readonly dryRun?: boolean;
  /** How long received messages stay hidden; a failed or dry-run message reappears after it. */
  readonly visibilityTimeoutSeconds?: number;
  readonly onBatch?: (counts: Readonly<RedriveCounts>, batchSize: number) => void;
  /** Why a message was not moved, for the report. */
  readonly onProblem?: (messageId: string, reason: string) => void;
}

/** SQS hands out at most ten messages per receive, and PutEvents takes at most ten entries. */
const BATCH = 10;

/**
 * The PutEvents entry that puts a dead-lettered event back on the bus: its source, detail-type and detail,
 * as the consumer's rule first received them. Throws a reason when the body is not such an event.
 *
 * @example
 * ```ts
 * entryOf('{"source":"genesys-events.webhooks","detail-type":"conversation:created","detail":{}}', 'genesys-events-dev');
 * ```
 */
export const entryOf = (body: string | undefined, busName: string): PutEventsRequestEntry => {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(body ?? '') as Record<string, unknown>;
  } catch {
    throw new Error('the message body is not JSON');
  }
  const { source, detail } = event ?? {};
  const detailType = event?.['detail-type'];
  if (typeof source !== 'string' || typeof detailType !== 'string' || typeof detail !== 'object' || detail === null) {
    throw new Error('the message body is not an EventBridge event (source, detail-type, detail)');
  }
  return { EventBusName: busName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) };
};

/**
 * Moves messages from a dead-letter queue back onto the bus: receive up to ten, put the valid ones back with
 * one PutEvents, and delete each message only once PutEvents accepted its entry, so a message is never lost
 * (at worst it is put twice, which the consumers' content keys absorb). Stops when a receive is empty,
 * after `max` messages, or at the first failed PutEvents call.
 *
 * @example
 * ```ts
 * const counts = await redrive({ sqs, eventBridge, queueUrl, busName: 'genesys-events-dev', max: 100 });
 * ```
 */
export const redrive = async (options: RedriveOptions): Promise<RedriveCounts> => {
  const counts: RedriveCounts = { received: 0, moved: 0, failed: 0, invalid: 0, wouldMove: 0 };
  const max = options.max ?? Number.POSITIVE_INFINITY;
  // A dry run leaves messages on the queue; they may come round again within one run.
  const seen = new Set<string>();
  while (counts.received < max) {
    const { Messages = [] } = await options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(BATCH, max - counts.received),
        WaitTimeSeconds: 1,
        VisibilityTimeout: options.visibilityTimeoutSeconds ?? 30,
      }),
    );
    const fresh = Messages.filter((message) => !seen.has(message.MessageId ?? '') && seen.add(message.MessageId ?? ''));
    if (fresh.length === 0) break;
    counts.received += fresh.length;
    const stop = await moveBatch(fresh, options, counts);
    options.onBatch?.(counts, fresh.length);
    if (stop) break;
  }
  return counts;
};

const moveBatch = async (messages: Message[], options: RedriveOptions, counts: RedriveCounts): Promise<boolean> => {
  const valid: { message: Message; entry: PutEventsRequestEntry }[] = [];
  for (const message of messages) {
    try {
      valid.push({ message, entry: entryOf(message.Body, options.busName) });
    } catch (error) {
      counts.invalid += 1;
      options.onProblem?.(message.MessageId ?? '?', (error as Error).message);
    }
  }
  if (options.dryRun || valid.length === 0) {
    if (options.dryRun) counts.wouldMove += valid.length;
    return false;
  }
  let results: { EventId?: string | undefined; ErrorCode?: string | undefined; ErrorMessage?: string | undefined }[];
  try {
    const answer = await options.eventBridge.send(new PutEventsCommand({ Entries: valid.map(({ entry }) => entry) }));
    results = answer.Entries ?? [];
  } catch (error) {
    counts.failed += valid.length;
    options.onProblem?.('PutEvents', `${(error as Error).name}: ${(error as Error).message}`);
    return true;
  }
  for (const [index, { message }] of valid.entries()) {
    const result = results[index];
    if (!result?.EventId || result.ErrorCode) {
      counts.failed += 1;
      options.onProblem?.(
        message.MessageId ?? '?',
        `PutEvents refused it: ${result?.ErrorCode ?? 'no result'} ${result?.ErrorMessage ?? ''}`.trim(),
      );
      continue;
    }
    try {
      await options.sqs.send(
        new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
      counts.moved += 1;
    } catch (error) {
      counts.failed += 1;
      options.onProblem?.(
        message.MessageId ?? '?',
        `put back, but not deleted, so it will be put again: ${(error as Error).message}`,
      );
    }
  }
  return false;
};

/**
 * About how many messages wait on the queue, for a progress bar; 0 when SQS will not say (the bar then grows).
 *
 * @example
 * ```ts
 * await approximateDepth(sqs, queueUrl); // 42
 * ```
 */
export const approximateDepth = async (sqs: SQSClient, queueUrl: string): Promise<number> => {
  try {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0) || 0;
  } catch {
    return 0;
  }
};
