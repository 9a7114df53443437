import { Logger } from '@aws-lambda-powertools/logger';

/** The ingest service's structured JSON logger (Powertools); one per cold start. */
export const logger = new Logger({ serviceName: 'ingest' });
