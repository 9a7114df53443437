export { ANALYTICS_SOURCE, ERASURE_SOURCE, isLakeEvent, type LakeRow, lakeRowOf } from './lake-row';
export { type RowFacts, rowFactsOf } from './row-facts';
