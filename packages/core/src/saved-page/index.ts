export {
  detectSavedFileFormat,
  platformFromUrl,
  readSavedPage,
  savedFileMediaType,
  type SavedFileFormat,
  type SavedPage,
  type SavedPageParse,
  type SavedPageParser,
} from './saved-page.js';
export {
  MANUAL_ADAPTER_ID,
  MANUAL_ADAPTER_VERSION,
  buildManualCapture,
  manualCaptureId,
  redactUrlSecrets,
  type ManualCapture,
  type ManualCaptureError,
  type ManualCaptureInput,
} from './manual-capture.js';
