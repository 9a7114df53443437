export { type LakeFiles, lakeFiles } from './lake-files';
export { COMPACT_AT_FILES, compactPartition, eraseConversation, expireRows } from './lake-maintenance';
export { type LakeReader, openLakeReader, ReadOnlyQueryError, type TabularResult } from './lake-reader';
export { openWriterDb, PARQUET_FORMAT, sqlString, type WriterDb, writeRows } from './lake-writer';
export { type LocalLake, openLocalLake } from './local-lake';
