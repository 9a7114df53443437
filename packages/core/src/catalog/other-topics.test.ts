import { describe, expect, it } from '@jest/globals';
import { auditEventSchemas } from './audit';
import { auditBody, presenceBody, transcriptionBody } from './fixtures/other-topics';
import { presenceEventSchemas } from './presence';
import { transcriptionEventSchemas } from './transcription';

describe('transcription event schema', () => {
  it('accepts the fixture in strict mode and keeps its unknown fields', () => {
    const body = transcriptionBody({ agentAssistEnabled: false });

    expect(transcriptionEventSchemas.strict.parse(body)).toEqual(body);
  });

  it.each([
    ['an unknown channel', { transcripts: [{ channel: 'WHISPER' }] }],
    ['an unknown session status', { status: { status: 'SESSION_PAUSED' } }],
  ])('rejects %s in strict mode and accepts it in lenient mode', (_, overrides) => {
    const body = transcriptionBody(overrides);

    expect(transcriptionEventSchemas.strict.safeParse(body).success).toBe(false);
    expect(transcriptionEventSchemas.lenient.safeParse(body).success).toBe(true);
  });

  it.each([
    ['a confidence that is a string', { transcripts: [{ alternatives: [{ confidence: 'high' }] }] }],
    ['an eventTime in epoch milliseconds', { eventTime: 1748873162480 }],
    ['transcripts that are not a list', { transcripts: 'hello' }],
    ['isFinal as a string', { transcripts: [{ isFinal: 'yes' }] }],
  ])('rejects %s in lenient mode', (_, overrides) => {
    expect(transcriptionEventSchemas.lenient.safeParse(transcriptionBody(overrides)).success).toBe(false);
  });
});

describe('audit event schema', () => {
  it('accepts the fixture and keeps its unknown fields', () => {
    const body = auditBody({ remoteIp: ['203.0.113.7'] });

    expect(auditEventSchemas.strict.parse(body)).toEqual(body);
  });

  it('accepts any action and entity type, whose lists grow per service', () => {
    const body = auditBody({ action: 'Authorize', entityType: 'SomethingNew' });

    expect(auditEventSchemas.strict.safeParse(body).success).toBe(true);
  });

  it('rejects property changes whose values are not strings', () => {
    const body = auditBody({ propertyChanges: [{ property: 'name', newValues: [42] }] });

    expect(auditEventSchemas.lenient.safeParse(body).success).toBe(false);
  });
});

describe('presence event schema', () => {
  it('accepts the fixture and keeps its unknown fields', () => {
    const body = presenceBody({ organizationPresenceId: 'op-1' });

    expect(presenceEventSchemas.strict.parse(body)).toEqual(body);
  });

  it.each(['AVAILABLE', 'On Queue', 'Focus'])('accepts the system presence %s in strict mode', (systemPresence) => {
    const body = presenceBody({ presenceDefinition: { id: 'p-1', systemPresence } });

    expect(presenceEventSchemas.strict.safeParse(body).success).toBe(true);
  });

  it('rejects a presence definition that is not an object', () => {
    expect(presenceEventSchemas.lenient.safeParse(presenceBody({ presenceDefinition: 'AVAILABLE' })).success).toBe(
      false,
    );
  });
});
