import { eventContentKey } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { LAKE_COLUMNS } from '../schema/columns';
import { analysisEvent, detailEvent, iso, resent, summaryEvent, T0 } from '../test-support/envelopes';
import { isLakeEvent, lakeRowOf } from './lake-row';

const CONVERSATION = 'a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

describe('lakeRowOf', () => {
  it('writes every column of the schema, and nothing else', () => {
    const row = lakeRowOf(detailEvent(CONVERSATION, 'customer.start', T0));

    expect(Object.keys(row ?? {}).sort()).toEqual(LAKE_COLUMNS.map((column) => column.name).sort());
  });

  it('identifies, times and places a conversation detail event', () => {
    const envelope = detailEvent(CONVERSATION, 'acd.start', T0, { queueId: 'queue-1', participantId: 'p-1' });

    expect(lakeRowOf(envelope)).toEqual(
      expect.objectContaining({
        event_id: eventContentKey(envelope.detail as { topicName: string; eventBody: Record<string, unknown> }),
        event_date: '2091-06-15',
        event_time: iso(T0),
        received_at: iso(T0 + 1000),
        detail_type: 'v2.detail.events.conversation.{id}.acd.start',
        topic_name: `v2.detail.events.conversation.${CONVERSATION}.acd.start`,
        transport: 'eventbridge-partner',
        conversation_id: CONVERSATION,
        participant_id: 'p-1',
        queue_id: 'queue-1',
        media_type: 'VOICE',
        direction: 'INBOUND',
        interacting_duration_ms: null,
      }),
    );
  });

  it('keeps handle-time durations from user.end and acw only, never negative ones', () => {
    const userEnd = lakeRowOf(
      detailEvent(CONVERSATION, 'user.end', T0, { interactingDurationMs: 120_000, heldDurationMs: -5 }),
    );
    const acw = lakeRowOf(detailEvent(CONVERSATION, 'acw', T0, { wrapupDurationMs: 30_000, wrapupCode: 'code-1' }));
    const customerEnd = lakeRowOf(detailEvent(CONVERSATION, 'customer.end', T0, { interactingDurationMs: 150_000 }));

    expect([userEnd?.interacting_duration_ms, userEnd?.held_duration_ms]).toEqual([120_000, null]);
    expect([acw?.wrapup_duration_ms, acw?.wrapup_code]).toEqual([30_000, 'code-1']);
    expect(customerEnd?.interacting_duration_ms).toBeNull();
  });

  it('reads a call analysis as a Genesys or a derived sentiment, lower-cased', () => {
    const genesys = lakeRowOf(analysisEvent(CONVERSATION, ' Negative ', T0));
    const derived = lakeRowOf(analysisEvent(CONVERSATION, 'positive', T0, { derived: true, score: 0.4 }));

    expect(genesys).toEqual(
      expect.objectContaining({
        conversation_id: CONVERSATION,
        sentiment_label: 'negative',
        sentiment_source: 'genesys',
        sentiment_score: null,
        transport: 'genesys-header',
      }),
    );
    expect(derived).toEqual(
      expect.objectContaining({ sentiment_label: 'positive', sentiment_source: 'derived', transport: 'internal' }),
    );
  });

  it("keeps a Genesys summary's text, reason and resolution, and none of a failed summary", () => {
    const summary = lakeRowOf(summaryEvent(CONVERSATION, T0));
    const failed = lakeRowOf(summaryEvent(CONVERSATION, T0, { failed: true }));

    expect(summary).toMatchObject({
      event_time: iso(T0),
      summary_text: 'Parcel late; replacement sent.',
      summary_reason: 'Parcel not delivered',
      summary_resolution: 'Replacement sent',
    });
    expect(failed).toMatchObject({ summary_text: null, summary_reason: null, summary_resolution: null });
  });

  it('gives a resent event the same id and a new arrival', () => {
    const first = detailEvent(CONVERSATION, 'customer.end', T0);

    const [a, b] = [lakeRowOf(first), lakeRowOf(resent(first))];

    expect(b?.event_id).toBe(a?.event_id);
    expect([b?.transport, b?.received_at]).not.toEqual([a?.transport, a?.received_at]);
  });

  it('keeps the body as JSON text', () => {
    const row = lakeRowOf(detailEvent(CONVERSATION, 'acw', T0, { wrapupDurationMs: 1 }));

    expect(JSON.parse(row?.body ?? '{}')).toMatchObject({ conversationId: CONVERSATION, wrapupDurationMs: 1 });
  });

  it('has no row for a detail that is not an app-bus detail, or without any time', () => {
    expect(lakeRowOf({ 'detail-type': 'x', source: 's', detail: 'not an object' })).toBeUndefined();
    expect(
      lakeRowOf({ 'detail-type': 'x', source: 's', detail: { topicName: 'x', eventBody: { eventTime: 'soon' } } }),
    ).toBeUndefined();
  });

  it('keeps every event but the erasure bookkeeping', () => {
    expect(isLakeEvent({ source: 'genesys-events.erasure' })).toBe(false);
    expect(isLakeEvent({ source: 'genesys-events.webhooks' })).toBe(true);
  });
});
