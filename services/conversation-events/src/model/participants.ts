import type { TimelineEntry } from './timeline-entry';
import { definedFields, detailSuffixOf, stringField } from './timeline-facts';

/** The customer side of a conversation. */
export interface CustomerParticipant {
  readonly participantId?: string;
  readonly ani?: string;
  readonly dnis?: string;
  readonly addressFrom?: string;
  readonly addressTo?: string;
  readonly externalContactIds?: readonly string[];
}

/** An agent who took part, by user id. */
export interface AgentParticipant {
  readonly userId: string;
  readonly participantId?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly disconnectType?: string;
  readonly wrapupCode?: string;
}

/** A queue the conversation went through. */
export interface QueueParticipant {
  readonly queueId: string;
  readonly enteredTime?: string;
  readonly leftTime?: string;
  readonly outcome?: string;
  readonly answeredUserId?: string;
}

/** Everyone a conversation involved, as its detail events tell. */
export interface Participants {
  readonly customer?: CustomerParticipant;
  readonly agents: readonly AgentParticipant[];
  readonly queues: readonly QueueParticipant[];
}

/**
 * The participants of a conversation, from its detail events in timeline order (`customer.*`,
 * `user.*` and `acw` by user id, `acd.*` by queue id).
 *
 * @example
 * ```ts
 * participantsOf(sortTimeline(entries)).agents; // [{ userId, startTime, endTime, wrapupCode }]
 * ```
 */
export const participantsOf = (timeline: readonly TimelineEntry[]): Participants => {
  const customer = customerOf(timeline);
  const agents = new Map<string, AgentParticipant>();
  const queues = new Map<string, QueueParticipant>();
  for (const entry of timeline) {
    const suffix = detailSuffixOf(entry);
    const userId = stringField(entry, 'userId') ?? stringField(entry, 'answeredUserId');
    if (userId && (suffix === 'user.start' || suffix === 'user.end' || suffix === 'acw' || suffix === 'wrapup')) {
      agents.set(userId, { ...(agents.get(userId) ?? { userId }), ...agentFacts(entry, suffix) });
    }
    const queueId = stringField(entry, 'queueId');
    if (queueId && (suffix === 'acd.start' || suffix === 'acd.end')) {
      queues.set(queueId, { ...(queues.get(queueId) ?? { queueId }), ...queueFacts(entry, suffix) });
    }
  }
  return { ...(customer ? { customer } : {}), agents: [...agents.values()], queues: [...queues.values()] };
};

const customerOf = (timeline: readonly TimelineEntry[]): CustomerParticipant | undefined => {
  const entry = timeline.find((candidate) => detailSuffixOf(candidate)?.startsWith('customer.'));
  if (!entry) return undefined;
  const externalContactIds = entry.body.conversationExternalContactIds;
  return definedFields({
    participantId: stringField(entry, 'participantId'),
    ani: stringField(entry, 'ani'),
    dnis: stringField(entry, 'dnis'),
    addressFrom: stringField(entry, 'addressFrom'),
    addressTo: stringField(entry, 'addressTo'),
    externalContactIds: Array.isArray(externalContactIds)
      ? externalContactIds.filter((id) => typeof id === 'string')
      : undefined,
  });
};

const agentFacts = (entry: TimelineEntry, suffix: string): Partial<AgentParticipant> =>
  definedFields({
    participantId: suffix.startsWith('user.') ? stringField(entry, 'participantId') : undefined,
    startTime: suffix === 'user.start' ? entry.eventTime : undefined,
    endTime: suffix === 'user.end' ? entry.eventTime : undefined,
    disconnectType: suffix === 'user.end' ? stringField(entry, 'disconnectType') : undefined,
    wrapupCode: suffix === 'acw' || suffix === 'wrapup' ? stringField(entry, 'wrapupCode') : undefined,
  });

const queueFacts = (entry: TimelineEntry, suffix: string): Partial<QueueParticipant> =>
  definedFields({
    enteredTime: suffix === 'acd.start' ? entry.eventTime : undefined,
    leftTime: suffix === 'acd.end' ? entry.eventTime : undefined,
    outcome: suffix === 'acd.end' ? stringField(entry, 'acdOutcome') : undefined,
    answeredUserId: suffix === 'acd.end' ? stringField(entry, 'answeredUserId') : undefined,
  });
