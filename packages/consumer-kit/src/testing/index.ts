// Test builders for services on the kit; never imported by a function.
export { appBusEnvelope, conversationDetailEvent, TEST_PARTNER_SOURCE } from './app-bus-events';
export { partnerBusEvent, publishedWebhookEvent, receivedFromBus } from './bus-deliveries';
export { startTestIssuer, TEST_AUDIENCE } from './test-issuer';
