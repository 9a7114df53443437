import { describe, expect, it } from '@jest/globals';
import { envelopesOf } from './bus-entries';

const identity = { busName: 'genesys-events-dev', account: '000000000000', region: 'eu-west-1' };
const NOW = new Date('2091-06-15T10:00:00.123Z');

describe('envelopesOf', () => {
  it('turns the entries of a PutEvents request into the events a rule target receives', () => {
    const entries = [
      {
        EventBusName: 'genesys-events-dev',
        Source: 'genesys-events.webhooks',
        DetailType: 'x',
        Detail: '{"topicName":"x"}',
      },
    ];

    expect(envelopesOf(entries, identity, NOW)).toEqual([
      {
        version: '0',
        id: expect.any(String),
        'detail-type': 'x',
        source: 'genesys-events.webhooks',
        account: '000000000000',
        time: '2091-06-15T10:00:00Z',
        region: 'eu-west-1',
        resources: [],
        detail: { topicName: 'x' },
      },
    ]);
  });

  it('leaves out entries of other buses, entries without JSON detail, and anything that is not a list', () => {
    const entries = [
      { EventBusName: 'another-bus', Source: 's', DetailType: 'x', Detail: '{}' },
      { EventBusName: 'genesys-events-dev', Source: 's', DetailType: 'x', Detail: 'not json' },
      { Source: 's', DetailType: 'x' },
      null,
    ];

    expect(envelopesOf(entries, identity, NOW)).toEqual([]);
    expect(envelopesOf({ Entries: [] }, identity, NOW)).toEqual([]);
  });
});
