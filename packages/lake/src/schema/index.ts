export {
  DUCKDB_TYPES,
  ICEBERG_TYPES,
  LAKE_COLUMNS,
  LAKE_TABLE,
  type LakeColumn,
  type LakeColumnType,
  PARTITION_COLUMN,
} from './columns';
