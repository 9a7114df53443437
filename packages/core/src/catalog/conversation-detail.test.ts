import { describe, expect, it } from '@jest/globals';
import {
  CONVERSATION_DETAIL_SUFFIXES,
  conversationDetailEventSchemas,
  conversationDetailPattern,
} from './conversation-detail';
import { conversationDetailBody } from './fixtures/conversation-detail';
import { EVENT_TIME_MS } from './fixtures/ids';

const { strict, lenient } = conversationDetailEventSchemas;

describe('conversation detail event schemas', () => {
  it('lists sixteen distinct suffixes', () => {
    expect(CONVERSATION_DETAIL_SUFFIXES).toHaveLength(16);
    expect(new Set(CONVERSATION_DETAIL_SUFFIXES).size).toBe(16);
  });

  it('has a strict and a lenient schema for every suffix and no other', () => {
    expect(Object.keys(strict).sort()).toEqual([...CONVERSATION_DETAIL_SUFFIXES].sort());
    expect(Object.keys(lenient).sort()).toEqual([...CONVERSATION_DETAIL_SUFFIXES].sort());
  });

  it('writes the topic pattern of a suffix with a literal {id}', () => {
    expect(conversationDetailPattern('flow.outcome')).toBe('v2.detail.events.conversation.{id}.flow.outcome');
  });

  it.each(CONVERSATION_DETAIL_SUFFIXES)('accepts the %s fixture in strict mode', (suffix) => {
    const body = conversationDetailBody(suffix);

    expect(strict[suffix].parse(body)).toEqual(body);
  });

  it.each(CONVERSATION_DETAIL_SUFFIXES)('keeps fields it does not know in the %s body', (suffix) => {
    const body = conversationDetailBody(suffix, { callbackNumbers: ['+442079460999'], brandNewField: { a: 1 } });

    expect(strict[suffix].parse(body)).toMatchObject({ callbackNumbers: ['+442079460999'], brandNewField: { a: 1 } });
  });

  it.each(CONVERSATION_DETAIL_SUFFIXES)('accepts an empty %s body, every field being optional', (suffix) => {
    expect(strict[suffix].safeParse({}).success).toBe(true);
  });

  it('rejects an unknown media type in strict mode and accepts it in lenient mode', () => {
    const body = conversationDetailBody('customer.start', { mediaType: 'HOLOGRAM' });

    expect(strict['customer.start'].safeParse(body).success).toBe(false);
    expect(lenient['customer.start'].safeParse(body).success).toBe(true);
  });

  it.each([
    ['acd.end', 'acdOutcome'],
    ['customer.end', 'disconnectType'],
    ['user.end', 'disconnectType'],
    ['flow.end', 'exitReason'],
    ['flow.start', 'flowType'],
    ['flow.outcome', 'flowOutcomeValue'],
    ['contact', 'direction'],
    ['outbound', 'messageType'],
  ] as const)('treats %s %s as an open enum', (suffix, field) => {
    const body = conversationDetailBody(suffix, { [field]: 'INVENTED_BY_GENESYS_TOMORROW' });

    expect(strict[suffix].safeParse(body).success).toBe(false);
    expect(lenient[suffix].safeParse(body).success).toBe(true);
  });

  it('rejects an eventTime that is not a number in both modes', () => {
    const body = conversationDetailBody('acw', { eventTime: '2025-06-02T14:05:31.250Z' });

    expect(strict.acw.safeParse(body).success).toBe(false);
    expect(lenient.acw.safeParse(body).success).toBe(false);
  });

  it.each([
    ['user.end', 'heldDurationMs', '12s'],
    ['acd.start', 'routingPriority', 'high'],
    ['flow.outcome', 'flowMilestones', 'none'],
    ['attributes', 'attributes', ['not', 'a', 'map']],
    ['wrapup', 'wrapupDurationMs', null],
    ['customer.start', 'conversationExternalContactIds', 'one-id'],
  ] as const)('rejects a %s body whose %s has the wrong type in lenient mode too', (suffix, field, value) => {
    const body = conversationDetailBody(suffix, { [field]: value });

    expect(lenient[suffix].safeParse(body).success).toBe(false);
  });

  it('types a flow milestone by its id and time', () => {
    const parsed = strict['flow.outcome'].parse(
      conversationDetailBody('flow.outcome', {
        flowMilestones: [{ milestoneId: 'm-1', milestoneTime: EVENT_TIME_MS }],
      }),
    );

    expect(parsed.flowMilestones).toEqual([{ milestoneId: 'm-1', milestoneTime: EVENT_TIME_MS }]);
  });
});
