'use strict';
// The local rules of each service: for every function of a service, each `eventBridge` event on the app bus
// with its pattern, as the running configuration has them (variables resolved, and after any plugin that
// generates events from a declaration). Written to <archive dir>/rules.json when offline starts, for
// `genesys-events backfill`, which delivers an archived event to the functions whose rules match it.
const { renameSync, writeFileSync } = require('node:fs');

/**
 * Whether an `eventBridge` event's `eventBus` is the app bus: its name or ARN, or a Ref / Fn::GetAtt of the
 * bus resource of that name (the root serverless.yml's custom.appBus).
 *
 * @example
 * isAppBus({ 'Fn::GetAtt': ['AppEventBus', 'Name'] }, { busName: 'b', resources: { AppEventBus: { Properties: { Name: 'b' } } } }); // true
 */
function isAppBus(eventBus, { busName, resources = {} }) {
  if (typeof eventBus === 'string') return eventBus === busName || eventBus.endsWith(`:event-bus/${busName}`);
  if (typeof eventBus !== 'object' || eventBus === null) return false;
  const id = eventBus.Ref ?? eventBus['Fn::GetAtt']?.[0];
  return typeof id === 'string' && resources[id]?.Properties?.Name === busName;
}

/** The app-bus rules of one function definition: its enabled, pattern-matching eventBridge events. */
function rulesOf(definition, bus) {
  return (definition?.events ?? [])
    .map((event) => event?.eventBridge)
    .filter((rule) => rule?.pattern && !rule.schedule && rule.enabled !== false && isAppBus(rule.eventBus, bus));
}

/**
 * Each service's rules on the app bus: `{ function, functionName, pattern }` per rule (a function with two
 * rules appears twice, and is invoked twice for an event both match, as in the cloud). A service with
 * functions but no rules (ingest) is listed with none.
 *
 * @example
 * localRules({ functions, serviceFunctions: { analytics: ['consumeAnalyticsEvent'] }, bus, functionName: (key) => `genesys-events-dev-${key}` });
 * // { analytics: [{ function: 'consumeAnalyticsEvent', functionName: 'genesys-events-dev-consumeAnalyticsEvent', pattern: {...} }] }
 */
function localRules({ functions, serviceFunctions, bus, functionName }) {
  const services = {};
  for (const [service, keys] of Object.entries(serviceFunctions)) {
    services[service] = keys
      .filter((key) => functions[key] !== undefined)
      .flatMap((key) =>
        rulesOf(functions[key], bus).map((rule) => ({
          function: key,
          functionName: functionName(key),
          pattern: rule.pattern,
        })),
      );
  }
  return services;
}

/**
 * Writes the rules file whole (a temporary file renamed over it), so a backfill never reads half of it.
 *
 * @example
 * writeLocalRules('.local-data/archive/rules.json', { appBus, lambdaEndpoint, account, region, services });
 */
function writeLocalRules(file, manifest) {
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(staging, file);
}

module.exports = { localRules, writeLocalRules, isAppBus };
