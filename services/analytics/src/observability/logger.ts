import { Logger } from '@aws-lambda-powertools/logger';

/** The analytics service's structured JSON logger (Powertools); one per cold start. */
export const logger = new Logger({ serviceName: 'analytics' });
