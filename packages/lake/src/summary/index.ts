export { dayLiteral, dayOf, stringLiteral, timestampLiteral } from './sql-literals';
export {
  type AnalyticsSummary,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type SummaryRow,
  summaryFromRows,
} from './summary-result';
export {
  CONVERSATION_DETAIL_PREFIX,
  DEFAULT_MARGIN_DAYS,
  SUMMARY_DETAIL_TYPES,
  SUMMARY_MARKER,
  type SummarySqlOptions,
  summarySql,
  type TimeWindow,
} from './summary-sql';
