import { LogLevelThreshold } from '@aws-lambda-powertools/logger';
import { logger } from './logger';
import { metrics } from './metrics';

/** The levels a `webhook answered` line is written at. */
export type AnsweredLevel = 'info' | 'warn' | 'error';

const THRESHOLDS: Record<AnsweredLevel, number> = {
  info: LogLevelThreshold.INFO,
  warn: LogLevelThreshold.WARN,
  error: LogLevelThreshold.ERROR,
};

/**
 * Writes a request's one `webhook answered` line with the metrics counted for it embedded in it.
 * CloudWatch reads the embedded metric format from any JSON log line that carries `_aws`, so one line
 * serves as the access log and the metric: one write per request instead of two, and about a quarter
 * fewer bytes of log ingestion. The metric's `service` dimension is the line's own `service` key (Logger
 * and Metrics share the name; Logger drops `service` from extra keys). When the log level hides the line,
 * the metrics are written on their own, so raising `POWERTOOLS_LOG_LEVEL` never loses them.
 *
 * @example
 * ```ts
 * countOutcome(outcome, 'genesys');
 * writeAnsweredLine('info', { outcome: 'accepted', eventId }); // {"level":"INFO",...,"_aws":{...},"WebhookAccepted":1}
 * ```
 */
export const writeAnsweredLine = (level: AnsweredLevel, fields: Record<string, unknown>): void => {
  if (logger.level > THRESHOLDS[level]) {
    metrics.publishStoredMetrics();
    return;
  }
  const { service: _writtenByTheLogger, ...document } = takeMetricDocument();
  logger[level]('webhook answered', { ...fields, ...document });
};

/** The stored metrics as one EMF document, and the store emptied as publishing would. */
const takeMetricDocument = (): Record<string, unknown> => {
  try {
    return metrics.hasStoredMetrics() ? metrics.serializeMetrics() : {};
  } finally {
    metrics.clearMetrics();
    metrics.clearDimensions();
    metrics.clearMetadata();
  }
};
