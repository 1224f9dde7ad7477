/**
 * Advisory lock keys (two int4 keys: a namespace and an object). A transaction holds the reset lock shared and its
 * partitions' locks exclusively; a reset of more than one partition holds the reset lock exclusively. The log
 * lock is held from appending a change-log row to COMMIT, so positions become visible in order (see `postgres-backend.ts`).
 */
export const LOCK_NAMESPACE = 0x52_4d_4f_43; // "RMOC"
export const PARTITION_NAMESPACE = 0x52_4d_50_54; // "RMPT": objid is hashtext of the partition key
export const RESET_LOCK = 1;
export const LOG_LOCK = 2;
export const MIGRATION_LOCK = 3;
export const JOURNAL_LOCK = 4;
/** Held while the shared fixtures are read and replaced or added to; taken before the log lock. */
export const FIXTURES_LOCK = 5;
