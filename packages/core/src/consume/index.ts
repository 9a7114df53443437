// Consumer side: reading an app-bus event as a rule target receives it. Validates the detail and works out
// the facts every store keys and orders by (conversation, content key, event time, receipt time).
export { type ConsumedEvent, consumedEventOf, UnusableEventError } from './consumed-event';
export { eventTimeOf } from './event-facts';
