import { listSetting } from '@genesys-events/consumer-kit/config';
import { DEFAULT_API_KEY_HEADER } from '@genesys-events/core';
import { webhookHandler } from '../http/webhook-pipeline';
import { eventBridgeRoute } from '../routes/eventbridge-route';
import { secretList } from '../secrets/secret-list';

export { acceptWebhook as lambdaHandler } from '../receive/accept-webhook';

/** `POST /webhooks/eventbridge` (see `routes/eventbridge-route.ts`). */
export const handler = webhookHandler(
  eventBridgeRoute({
    apiKeys: secretList(process.env, 'EVENTBRIDGE_API_KEYS'),
    apiKeyHeader: process.env.EVENTBRIDGE_API_KEY_HEADER || DEFAULT_API_KEY_HEADER,
    allowedOrgIds: listSetting(process.env, 'GENESYS_ORG_IDS'),
  }),
);
