/** The secrets the local system runs with (the committed dev-only defaults of `.env.dev`). */
export const DEV_SECRETS = {
  current: 'dev-genesys-webhook-secret',
  previous: 'dev-genesys-webhook-secret-previous',
} as const;
export const DEV_OPEN_MESSAGING_SECRETS = {
  current: 'dev-open-messaging-secret',
  previous: 'dev-open-messaging-secret-previous',
} as const;
export const DEV_EVENTBRIDGE_API_KEYS = {
  current: 'dev-eventbridge-api-key',
  previous: 'dev-eventbridge-api-key-previous',
} as const;
