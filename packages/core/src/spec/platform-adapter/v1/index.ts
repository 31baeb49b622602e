export type {
  AdapterCapabilitiesV1,
  AdapterCaptureV1,
  AdapterUsageV1,
  CallOptionsV1,
  CaptureOptionsV1,
  LookupBatchV1,
  LookupResultV1,
  MediaDownloadV1,
  PlatformAdapterV1,
  ProfileBatchV1,
  RawBodyRedactionV1,
  RawResponseV1,
  ResolveBatchV1,
  ResolvedAccountV1,
  ResolveResultV1,
} from './platform-adapter-v1.js';
export { RETRYABLE_ADAPTER_ERRORS, type AdapterErrorTypeV1, type AdapterErrorV1, type RateLimitPauseV1 } from './adapter-error-v1.js';
