import { describe, expect, it } from '@jest/globals';
import { classifyOpenMessagingMessage, openMessagingDedupeKey } from './classify-open-messaging';
import {
  MESSAGE_TIME,
  openFailedReceipt,
  openStructuredMessage,
  openTextMessage,
  openTypingEvent,
} from './fixtures/open-messaging';

describe('classifyOpenMessagingMessage', () => {
  it.each([
    ['a text message', openTextMessage()],
    ['a structured message', openStructuredMessage()],
    ['a typing event', openTypingEvent()],
    ['a failed receipt', openFailedReceipt()],
  ])('knows %s and keeps all its fields', (_, message) => {
    expect(classifyOpenMessagingMessage(message)).toEqual({ kind: 'known', message });
  });

  it('types a known message', () => {
    const classified = classifyOpenMessagingMessage(openFailedReceipt());

    if (classified.kind !== 'known') throw new Error('expected a known message');
    const status: 'Sent' | 'Delivered' | 'Read' | 'Failed' | 'Published' | 'Removed' | undefined =
      classified.message.status;
    expect(status).toBe('Failed');
  });

  it.each([
    ['type', { type: 'Video' }, 'type: unknown value'],
    ['direction', { direction: 'Sideways' }, 'direction: unknown value'],
    ['originatingEntity', { originatingEntity: 'Robot' }, 'originatingEntity: unknown value'],
    ['status', { status: 'Bounced' }, 'status: unknown value'],
  ])('passes an unknown %s through as unknown_values', (_, overrides, issue) => {
    const message = openTextMessage(overrides);

    expect(classifyOpenMessagingMessage(message)).toEqual({
      kind: 'unknown',
      reason: 'unknown_values',
      issues: [issue],
      message,
    });
  });

  it('reports a message without an id as schema_mismatch', () => {
    const { id: _id, ...message } = openTextMessage();

    expect(classifyOpenMessagingMessage(message)).toEqual({
      kind: 'unknown',
      reason: 'schema_mismatch',
      issues: ['id: missing'],
      message,
    });
  });

  it('reports a message without a channel time as schema_mismatch', () => {
    const message = openTextMessage();
    const { time: _time, ...channel } = message.channel as Record<string, unknown>;

    const classified = classifyOpenMessagingMessage({ ...message, channel });

    expect(classified).toMatchObject({ kind: 'unknown', reason: 'schema_mismatch', issues: ['channel.time: missing'] });
  });

  it('reports a message without a channel as schema_mismatch', () => {
    const { channel: _channel, ...message } = openTextMessage();

    expect(classifyOpenMessagingMessage(message)).toMatchObject({
      reason: 'schema_mismatch',
      issues: ['channel: missing'],
    });
  });

  it('does not quote the text of a malformed message in its issues', () => {
    const classified = classifyOpenMessagingMessage(openTextMessage({ id: 17, text: ['my card is 4111'] }));

    expect(classified).toMatchObject({ kind: 'unknown', reason: 'schema_mismatch' });
    expect(JSON.stringify(classified.kind === 'unknown' && classified.issues)).not.toContain('4111');
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [openTextMessage()]],
    ['a number', 42],
  ])('reports %s as schema_mismatch with an empty message', (_, value) => {
    expect(classifyOpenMessagingMessage(value)).toMatchObject({
      kind: 'unknown',
      reason: 'schema_mismatch',
      message: {},
    });
  });
});

describe('openMessagingDedupeKey', () => {
  it('joins the message id and the channel time', () => {
    expect(openMessagingDedupeKey(openTextMessage())).toBe(`5f1e9a7d3c2b4a6e8d0c1b2a3f4e5d6c|${MESSAGE_TIME}`);
  });

  it('tells a receipt from the message it reports on, which shares its id', () => {
    expect(openMessagingDedupeKey(openFailedReceipt())).not.toBe(openMessagingDedupeKey(openTextMessage()));
  });

  it('gives the same key to a retried delivery', () => {
    expect(openMessagingDedupeKey(openTextMessage())).toBe(openMessagingDedupeKey(openTextMessage()));
  });

  it.each([
    ['no id', { channel: { time: MESSAGE_TIME } }],
    ['a numeric id', { id: 7, channel: { time: MESSAGE_TIME } }],
    ['no channel', { id: 'm-1' }],
    ['a channel that is not an object', { id: 'm-1', channel: MESSAGE_TIME }],
    ['no channel time', { id: 'm-1', channel: {} }],
    ['a numeric channel time', { id: 'm-1', channel: { time: 1748873444918 } }],
    ['null', null],
  ])('gives undefined for a message with %s', (_, message) => {
    expect(openMessagingDedupeKey(message)).toBeUndefined();
  });
});
