import type { ServiceNames } from './service-name';

/** The starter consumer: one structured log line per customer.end, ids and outcome only. */
export const handlerTs = ({
  name,
}: ServiceNames): string => `import { type ConsumerTools, consumerHandler, eventRouter } from '@genesys-events/consumer-kit/router';

/** The catalog pattern of the events this consumer subscribes to (serverless/functions.yml). */
export const CUSTOMER_END = 'v2.detail.events.conversation.{id}.customer.end';

/**
 * What ${name} does with each event, one route per catalog pattern; each handler gets core's validated
 * event, typed by its pattern. Log ids and reasons only: bodies carry personal data.
 *
 * @example
 * \`\`\`ts
 * await router.route(eventBridgeEvent, { logger, metrics });
 * \`\`\`
 */
export const router = eventRouter<ConsumerTools>().on(CUSTOMER_END, (event, { logger }) => {
  logger.info('customer left the conversation', {
    conversationId: event.conversationId,
    eventKey: event.eventKey,
    disconnectType: event.eventBody.disconnectType,
  });
  return { conversationId: event.conversationId };
});

export const handler = consumerHandler({ service: '${name}', router });
`;

/** The starter consumer's tests: the route, and the whole Middy composition. */
export const handlerTestTs = (): string => `import { lambdaContext } from '@genesys-events/core/testing';
import { conversationDetailEvent } from '@genesys-events/consumer-kit/testing';
import { describe, expect, it } from '@jest/globals';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { CUSTOMER_END, handler } = await import('./log-customer-end');

describe('log-customer-end', () => {
  it('routes a customer.end to its handler', async () => {
    const event = conversationDetailEvent('customer.end', 'c-1', { disconnectType: 'PEER' });

    const outcome = await handler(event, lambdaContext());

    expect(outcome).toEqual({ pattern: CUSTOMER_END, result: { conversationId: 'c-1' } });
  });

  it('fails an event it has no route for, so that it is retried and then parked', async () => {
    await expect(handler(conversationDetailEvent('customer.start'), lambdaContext())).rejects.toThrow('has no route');
  });
});
`;

/** The service's README. */
export const readmeMd = ({ name, camel }: ServiceNames): string => `# ${name}

A service of genesys-events: it consumes events from the app bus.

- \`serverless/functions.yml\` declares each function and what it subscribes to (\`subscribe\`: catalog
  patterns, optional detail filters, and this service's dead-letter queue). The project's serverless plugin
  makes the rules, their retry policy (a day, 20 attempts), the dead-letter queue
  \`genesys-events-<stage>-${name}-dlq\`, its policy and its alarm.
- \`src/handlers/log-customer-end.ts\`: \`${camel}LogCustomerEnd\` logs one line per \`customer.end\`. Add
  routes with \`router.on('<catalog pattern>', handler)\`; each handler gets the event typed by its pattern.

## Run, test, deploy

\`\`\`sh
npm run dev                                   # at the repository root: the whole system, this service included
npm run genesys-events -- trigger customer.end   # its log line shows with "service":"${name}"
pnpm test                                     # here: this service's tests
npx serverless deploy --stage prod            # here: this service alone (deploy ingest first)
\`\`\`

A table of its own goes in \`serverless/resources.yml\` (the root finds it there); give it a TTL and the
consumer kit's erasure (\`packages/consumer-kit/README.md\`) if it stores conversation data.
`;
