import { Logger } from '@aws-lambda-powertools/logger';

/** The conversation-events service's structured JSON logger (Powertools); one per cold start. */
export const logger = new Logger({ serviceName: 'conversation-events' });
