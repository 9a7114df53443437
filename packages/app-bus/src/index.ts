export { appBusPublisher, type PublishEvent } from './app-bus-publisher';
export { EventTooLargeError, PublishError } from './publish-error';
