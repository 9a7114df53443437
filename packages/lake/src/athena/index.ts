export {
  AthenaQueryError,
  type AthenaTarget,
  awaitQuery,
  describeQuery,
  type Pacing,
  type QueryOutcome,
  type QueryResult,
  startQuery,
} from './athena-query';
