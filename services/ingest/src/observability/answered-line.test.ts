import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type CapturedOutput, captureOutput } from '../test-support/captured-output';
import { writeAnsweredLine } from './answered-line';
import { logger } from './logger';
import { countOutcome } from './metrics';

let output: CapturedOutput;

beforeEach(() => {
  process.env.POWERTOOLS_DEV = 'false';
  output = captureOutput();
});

afterEach(() => {
  output.restore();
  logger.setLogLevel('INFO');
});

describe('writeAnsweredLine', () => {
  it('writes one line that is both the log line and the metric document, with the service dimension', () => {
    logger.setLogLevel('INFO');
    countOutcome({ kind: 'accepted', eventId: 'evt-1', detailType: 't' }, 'genesys');

    writeAnsweredLine('info', { outcome: 'accepted', eventId: 'evt-1', route: 'genesys' });

    expect(output.lines).toHaveLength(1);
    expect(output.lines[0]).toMatchObject({ level: 'INFO', message: 'webhook answered', eventId: 'evt-1' });
    expect(output.metrics()).toEqual([
      { name: 'WebhookAccepted', dimensions: { service: 'ingest', route: 'genesys' } },
    ]);
  });

  it('writes the metrics on their own when the log level hides the line, and keeps nothing for the next request', () => {
    logger.setLogLevel('ERROR');
    countOutcome({ kind: 'rejected', statusCode: 401, reason: 'signature_mismatch' }, 'genesys');

    writeAnsweredLine('warn', { outcome: 'rejected', route: 'genesys' });
    logger.setLogLevel('INFO');
    countOutcome({ kind: 'duplicate', eventId: 'evt-0' }, 'eventbridge');
    writeAnsweredLine('info', { outcome: 'duplicate', route: 'eventbridge' });

    expect(output.logs().map((line) => line.outcome)).toEqual(['duplicate']);
    expect(output.metrics()).toEqual([
      { name: 'WebhookRejected', dimensions: { service: 'ingest', route: 'genesys', reason: 'signature_mismatch' } },
      { name: 'WebhookDuplicate', dimensions: { service: 'ingest', route: 'eventbridge' } },
    ]);
  });
});
