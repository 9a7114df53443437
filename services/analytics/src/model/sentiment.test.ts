import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_ID, iso, T0 } from '../test-support/app-bus-events';
import type { AnalyticsEvent } from './analytics-event';
import type { CallAnalysis } from './event-facts';
import { chooseSentiment, hasLabelledAnalysis } from './sentiment';

const analysisEvent = (analysis: CallAnalysis, eventKey: string, eventTime = iso(T0)): AnalyticsEvent => ({
  conversationId: CONVERSATION_ID,
  eventKey,
  topic: 'call.analysis.completed',
  eventTime,
  analysis,
});

describe('chooseSentiment', () => {
  const genesys = analysisEvent({ source: 'genesys', label: 'negative' }, 'g'.repeat(64), iso(T0));
  const derived = analysisEvent({ source: 'derived', label: 'positive', score: 0.4 }, 'd'.repeat(64), iso(T0 + 1));

  it('prefers a Genesys label over a derived one, in any order', () => {
    const expected = { label: 'negative', score: null, source: 'genesys' };

    expect(chooseSentiment([genesys, derived])).toEqual(expected);
    expect(chooseSentiment([derived, genesys])).toEqual(expected);
  });

  it('leaves a derived label out when Genesys summarised the conversation', () => {
    const summarised: AnalyticsEvent = {
      conversationId: CONVERSATION_ID,
      eventKey: 's'.repeat(64),
      topic: `v2.conversations.${CONVERSATION_ID}.summaries`,
      eventTime: iso(T0 + 2),
      genesysSummary: { summary: 'Parcel replaced.', followUpActions: [] },
    };

    expect(chooseSentiment([derived, summarised])).toBeNull();
    expect(chooseSentiment([derived, summarised, genesys])).toEqual({
      label: 'negative',
      score: null,
      source: 'genesys',
    });
    expect(hasLabelledAnalysis([summarised])).toBe(true);
  });

  it('serves a derived label with its score when Genesys gave none', () => {
    expect(chooseSentiment([derived])).toEqual({ label: 'positive', score: 0.4, source: 'derived' });
  });

  it('keeps the score Genesys gave with its label', () => {
    const scored = analysisEvent({ source: 'genesys', label: 'positive', score: 0.7 }, 'h'.repeat(64));

    expect(chooseSentiment([scored])).toEqual({ label: 'positive', score: 0.7, source: 'genesys' });
  });

  it('takes the latest of two Genesys analyses', () => {
    const later = analysisEvent({ source: 'genesys', label: 'neutral' }, 'a'.repeat(64), iso(T0 + 60_000));

    expect(chooseSentiment([later, genesys])?.label).toBe('neutral');
    expect(chooseSentiment([genesys, later])?.label).toBe('neutral');
  });

  it('ignores an analysis without a label, and is null when none has one', () => {
    const unlabelled = analysisEvent({ source: 'genesys' }, 'b'.repeat(64));

    expect(chooseSentiment([unlabelled, derived])?.source).toBe('derived');
    expect(chooseSentiment([unlabelled])).toBeNull();
    expect(hasLabelledAnalysis([unlabelled])).toBe(false);
    expect(hasLabelledAnalysis([unlabelled, derived])).toBe(true);
  });
});
