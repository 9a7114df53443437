import { erasureHandler } from '@genesys-events/consumer-kit/erasure-handler';

/** Honours `conversation.erasure.requested`: erases the conversation's timeline (the consumer kit's erasure). */
export const handler = erasureHandler({
  service: 'conversation-events',
  tableNameVariable: 'CONVERSATION_EVENTS_TABLE_NAME',
});
