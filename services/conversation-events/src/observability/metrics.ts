import { Metrics } from '@aws-lambda-powertools/metrics';

/** The conversation-events service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'conversation-events' });
