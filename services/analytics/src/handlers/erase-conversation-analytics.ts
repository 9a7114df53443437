import { erasureHandler } from '@genesys-events/consumer-kit/erasure-handler';

/** Honours `conversation.erasure.requested`: erases the conversation's analytics (the consumer kit's erasure). */
export const handler = erasureHandler({ service: 'analytics', tableNameVariable: 'ANALYTICS_TABLE_NAME' });
