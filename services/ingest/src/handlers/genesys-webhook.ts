import { readDeliveriesConfig } from '../config';
import { deliveriesTable } from '../dedupe/delivery-dedupe';
import { webhookHandler } from '../http/webhook-pipeline';
import { seedRoute } from '../routes/seed-route';
import { secretList } from '../secrets/secret-list';

export { acceptWebhook as lambdaHandler } from '../receive/accept-webhook';

/** `POST /webhooks/genesys`, the seed formats (see `routes/seed-route.ts`). */
export const handler = webhookHandler(
  seedRoute({
    secrets: secretList(process.env, 'GENESYS_WEBHOOK_SECRETS'),
    deliveries: deliveriesTable(readDeliveriesConfig(process.env)),
  }),
);
