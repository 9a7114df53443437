import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_DETAIL_SUFFIXES, conversationDetailEventSchemas } from './conversation-detail';
import { TOPIC_CATALOG, TOPIC_CATALOG_BY_PATTERN } from './topic-catalog';
import { transcriptionEventSchemas } from './transcription';

describe('TOPIC_CATALOG', () => {
  it('holds the sixteen conversation detail topics, transcription, conversation summaries, audit and presence', () => {
    const families = TOPIC_CATALOG.map((entry) => entry.family);

    expect(families.filter((family) => family === 'conversation-detail')).toHaveLength(16);
    expect(families.filter((family) => family !== 'conversation-detail')).toEqual([
      'transcription',
      'conversation-summary',
      'audit',
      'presence',
    ]);
  });

  it('has one entry per pattern', () => {
    expect(new Set(TOPIC_CATALOG.map((entry) => entry.pattern)).size).toBe(TOPIC_CATALOG.length);
  });

  it('names every {id} segment of every pattern', () => {
    for (const entry of TOPIC_CATALOG) {
      expect(entry.pattern.split('.').filter((segment) => segment === '{id}')).toHaveLength(entry.idNames.length);
    }
  });

  it.each(CONVERSATION_DETAIL_SUFFIXES)('pairs the %s topic with its own schemas and epoch times', (suffix) => {
    const entry = TOPIC_CATALOG_BY_PATTERN.get(`v2.detail.events.conversation.{id}.${suffix}`);

    expect(entry).toMatchObject({ family: 'conversation-detail', idNames: ['conversationId'], timeFormat: 'epoch-ms' });
    expect(entry?.strict).toBe(conversationDetailEventSchemas.strict[suffix]);
    expect(entry?.lenient).toBe(conversationDetailEventSchemas.lenient[suffix]);
  });

  it.each([
    ['v2.conversations.{id}.transcription', 'transcription', ['conversationId']],
    ['v2.conversations.{id}.summaries', 'conversation-summary', ['conversationId']],
    ['v2.audits.entitytype.{id}.entityid.{id}', 'audit', ['entityType', 'entityId']],
    ['v2.users.{id}.presence', 'presence', ['userId']],
  ])('describes %s with ISO times', (pattern, family, idNames) => {
    expect(TOPIC_CATALOG_BY_PATTERN.get(pattern)).toMatchObject({ family, idNames, timeFormat: 'iso' });
  });

  it('uses different schemas for the two modes where a family has enums', () => {
    const entry = TOPIC_CATALOG_BY_PATTERN.get('v2.conversations.{id}.transcription');

    expect(entry?.strict).toBe(transcriptionEventSchemas.strict);
    expect(entry?.lenient).not.toBe(entry?.strict);
  });

  it('finds no entry for a name that only an object prototype has', () => {
    expect(TOPIC_CATALOG_BY_PATTERN.get('constructor')).toBeUndefined();
    expect(TOPIC_CATALOG_BY_PATTERN.get('__proto__')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TOPIC_CATALOG)).toBe(true);
  });
});
