export * from './platform-adapter/v1/index.js';
export * from './evidence-store/v1/index.js';
export * from './text-classifier/v1/index.js';
export {
  SUPPORTED_SPECIFICATION_VERSIONS,
  asEvidenceStore,
  asPlatformAdapter,
  asTextClassifier,
  type UnsupportedSpecificationError,
} from './check-specification-version.js';
