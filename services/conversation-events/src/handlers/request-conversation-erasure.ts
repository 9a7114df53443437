import { erasureRequestHandler } from '@genesys-events/consumer-kit/erasure-request-route';

/** `DELETE /conversations/{conversationId}`: the consumer kit's erasure request route (202, then every service erases). */
export const handler = erasureRequestHandler({ service: 'conversation-events' });
