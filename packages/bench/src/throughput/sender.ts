/**
 * An open-loop sender: starts requests at a fixed rate whatever the answers do (as Genesys sends, not as a
 * polite client waits), re-sends a share of answered requests as redeliveries, and records every answer.
 */
import { post as postText } from './http-post';
import type { TrafficRequest } from './traffic';

/** One request's answer. `status` 0: no answer within the timeout, or no connection. */
export interface SentRecord {
  readonly request: TrafficRequest;
  readonly redelivery: boolean;
  readonly status: number;
  /** From the start of the request to the end of its answer, ms. */
  readonly answerMs: number;
  /** `performance.now()` when the answer ended. */
  readonly answeredAt: number;
  /** The answer's `Retry-After`, when it had one. */
  readonly retryAfter: string | null;
  /** The answer body's `status` (`accepted`, `duplicate`), when JSON. */
  readonly outcome: string | null;
  /** Why there was no answer (status 0): a timeout, a reset connection. */
  readonly error?: string;
}

/** What to send. */
export interface SendPlan {
  readonly baseUrl: string;
  /** Requests started per second. */
  readonly rate: number;
  readonly seconds: number;
  /** One request in this many is a redelivery of an earlier answered one (20: 5 %). */
  readonly redeliveryEvery: number;
  /** The `index`-th new request. */
  readonly next: (index: number) => TrafficRequest;
  /** Genesys gives a webhook 10 s. */
  readonly timeoutMs?: number;
  /** Called with each record as its answer arrives. */
  readonly onAnswer?: (record: SentRecord) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Sends the plan and resolves with every record once the last answer is in.
 *
 * @example
 * ```ts
 * const records = await sendAtRate({ baseUrl, rate: 100, seconds: 10, redeliveryEvery: 20, next });
 * ```
 */
export const sendAtRate = async (plan: SendPlan): Promise<SentRecord[]> => {
  const total = Math.round(plan.rate * plan.seconds);
  const answered: TrafficRequest[] = [];
  const inFlight: Promise<SentRecord>[] = [];
  const started = performance.now();
  let fresh = 0;
  for (let slot = 0; slot < total; slot += 1) {
    await sleep(started + (slot * 1000) / plan.rate - performance.now());
    // A redelivery resends an answered request, as Genesys resends after an answer it did not see.
    const redeliver = slot % plan.redeliveryEvery === plan.redeliveryEvery - 1 && answered.length > 0;
    const request = redeliver ? (answered.shift() as TrafficRequest) : plan.next(fresh++);
    const sent = post(plan, request, redeliver).then((record) => {
      if (!redeliver && record.status === 200) answered.push(request);
      plan.onAnswer?.(record);
      return record;
    });
    inFlight.push(sent);
  }
  return Promise.all(inFlight);
};

const post = async (plan: SendPlan, request: TrafficRequest, redelivery: boolean): Promise<SentRecord> => {
  const began = performance.now();
  const record = (status: number, retryAfter: string | null, outcome: string | null, error?: string): SentRecord => {
    const answeredAt = performance.now();
    const answerMs = answeredAt - began;
    return { request, redelivery, status, answerMs, answeredAt, retryAfter, outcome, ...(error ? { error } : {}) };
  };
  try {
    const answer = await postText(`${plan.baseUrl}${request.path}`, {
      headers: request.headers,
      body: request.body,
      timeoutMs: plan.timeoutMs ?? 10_000,
    });
    return record(answer.status, answer.retryAfter, outcomeOf(answer.text));
  } catch (error) {
    return record(0, null, null, (error as Error).message);
  }
};

const outcomeOf = (text: string): string | null => {
  try {
    const status = (JSON.parse(text) as { status?: unknown }).status;
    return typeof status === 'string' ? status : null;
  } catch {
    return null;
  }
};
