import { describe, expect, it } from '@jest/globals';
import type { ConversationFigures } from './conversation-analytics';
import { summarise } from './summary';

const window = { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' };

const figures = (conversationId: string, overrides: Partial<ConversationFigures> = {}): ConversationFigures => ({
  conversationId,
  firstEventTime: '2091-06-15T10:05:00.000Z',
  mediaType: 'VOICE',
  direction: 'INBOUND',
  handleTimeMs: null,
  ...overrides,
});

describe('summarise', () => {
  it('counts conversations by media type, direction and label and averages their handle times', () => {
    const summary = summarise(window, [
      figures('c-1', { handleTimeMs: 165_000, sentimentLabel: 'negative' }),
      figures('c-2', { mediaType: 'MESSAGE', direction: 'OUTBOUND', handleTimeMs: 70_000 }),
      figures('c-3', { handleTimeMs: 95_000, sentimentLabel: 'positive' }),
      figures('c-4', { direction: 'OUTBOUND' }),
    ]);

    expect(summary).toEqual({
      from: window.from,
      to: window.to,
      conversations: 4,
      byMediaType: { VOICE: 3, MESSAGE: 1 },
      byDirection: { INBOUND: 2, OUTBOUND: 2 },
      averageHandleTimeMs: 110_000,
      sentiment: { positive: 1, neutral: 0, negative: 1 },
    });
  });

  it('counts a conversation listed several times once', () => {
    const one = figures('c-1', { handleTimeMs: 100_000, sentimentLabel: 'positive' });
    const two = figures('c-2', { handleTimeMs: 50_000, sentimentLabel: 'positive' });

    const summary = summarise(window, [one, two, one, one, two]);

    expect(summary).toMatchObject({
      conversations: 2,
      byMediaType: { VOICE: 2 },
      byDirection: { INBOUND: 2 },
      averageHandleTimeMs: 75_000,
      sentiment: { positive: 2, neutral: 0, negative: 0 },
    });
  });

  it('leaves out conversations whose first event is outside [from, to)', () => {
    const summary = summarise(window, [
      figures('before', { firstEventTime: '2091-06-15T09:59:59.999Z' }),
      figures('at-from', { firstEventTime: '2091-06-15T10:00:00.000Z' }),
      figures('at-to', { firstEventTime: '2091-06-15T11:00:00.000Z' }),
    ]);

    expect(summary.conversations).toBe(1);
  });

  it('rounds the average handle time to the millisecond', () => {
    const summary = summarise(window, [figures('a', { handleTimeMs: 1 }), figures('b', { handleTimeMs: 2 })]);

    expect(summary.averageHandleTimeMs).toBe(2);
  });

  it('leaves figures a conversation lacks out of those figures only', () => {
    const { mediaType: _m, direction: _d, ...bare } = figures('bare', { sentimentLabel: 'mixed' });

    const summary = summarise(window, [bare]);

    expect(summary).toEqual({
      from: window.from,
      to: window.to,
      conversations: 1,
      byMediaType: {},
      byDirection: {},
      averageHandleTimeMs: null,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
    });
  });

  it('answers zeros and a null average for an empty window', () => {
    expect(summarise(window, [])).toEqual({
      from: window.from,
      to: window.to,
      conversations: 0,
      byMediaType: {},
      byDirection: {},
      averageHandleTimeMs: null,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
    });
  });
});
