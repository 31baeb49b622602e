export { checkpointHash, checkpointTimestampBytes } from './checkpoint-digest.js';
export {
  CHECKPOINT_TIMESTAMP_FAILED,
  CHECKPOINT_TIMESTAMPED,
  type CheckedCheckpointTimestamp,
  checkpointTimestamps,
  type CheckpointTimestampDetails,
  CheckpointTimestampDetailsSchema,
  type CheckpointTimestampReport,
  timestampCheckpoint,
  type TimestampCheckpointOptions,
  verifyCheckpointTimestamp,
} from './checkpoint-timestamps.js';
export type { TimestampError } from './timestamp-error.js';
export { createTimestampRequest, type TimestampRequest, type TimestampTokenInfo, tokenFromResponse, verifyTimestampToken, type VerifyTimestampTokenOptions } from './timestamp-token.js';
export { requestTimestamp, type RequestTimestampOptions, type TimestampToken } from './tsa-client.js';
