import { Logger } from '@aws-lambda-powertools/logger';

/** The service name on every log line and the `service` dimension of every metric. */
export const SERVICE_NAME = 'ingest';

/** The ingest service's structured JSON logger (Powertools); one per cold start. */
export const logger = new Logger({ serviceName: SERVICE_NAME });
