// Ingest side, after recognition: turns a recognised event into the one app-bus event every consumer
// handles (detail-type from the topic pattern, `gateway` added). Also gives that event's content key before
// it is published (what ingest's deduplication compares), the very key consumers store it by.
export { recognisedContentKey, toAppBusEvent } from './normalise';
