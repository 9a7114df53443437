// Once-only work: the conditional-put claim store ingest deduplicates deliveries with, for any service
// whose work must happen once per key (a call to another system, a message sent).
export { ClaimStoreError } from './claim-errors';
export {
  type Claim,
  type ClaimRecords,
  type ClaimRecordsOptions,
  type ClaimResult,
  claimRecordId,
  claimRecords,
} from './claim-records';
