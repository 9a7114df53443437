import { readDeliveriesConfig } from '../config';
import { deliveriesTable } from '../dedupe/delivery-dedupe';
import { webhookHandler } from '../http/webhook-pipeline';
import { openMessagingRoute } from '../routes/open-messaging-route';
import { secretList } from '../secrets/secret-list';

export { acceptWebhook as lambdaHandler } from '../receive/accept-webhook';

/** `POST /webhooks/open-messaging` (see `routes/open-messaging-route.ts`). */
export const handler = webhookHandler(
  openMessagingRoute({
    secrets: secretList(process.env, 'OPEN_MESSAGING_SECRETS'),
    deliveries: deliveriesTable(readDeliveriesConfig(process.env)),
  }),
);
