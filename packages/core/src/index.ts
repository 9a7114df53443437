// `@genesys-events/core`: the contracts of the flow route -> verify -> normalise -> publish -> consume -> store
// that are pure TypeScript. Ingest reads a request (http), authenticates it (verify), recognises the body
// (recognise) and turns it into an app-bus event (normalise); consumers read that event back (consume).
// app-bus is the contract between the two sides, catalog the schemas of every event both read.
export * from './app-bus';
export * from './catalog';
export * from './consume';
export * from './errors';
export * from './http';
export * from './normalise';
export * from './recognise';
export * from './verify';
