export { BUNDLE_FILES, BUNDLE_FORMAT, BUNDLE_RECORD_KINDS, blobFileName, isSafeBundlePath, proofFileName, recordFileName, type BundleRecordKind } from './bundle-layout.js';
export { bundleFromStore, ensureCheckpointCovers, type BundleFromStoreError, type BundleFromStoreOptions } from './bundle-from-store.js';
export { createBundle, type BundleCreateError, type BundleFiles, type BundleManifest, type BundleManifestFile, type CreateBundleInput } from './create-bundle.js';
export { bundleFileNeedsContent, verifyBundle, type BundleFileContent, type BundleFileDigest, type BundleProblem, type BundleVerifyReport, type VerifyBundleOptions } from './verify-bundle.js';
export { verifyGuide } from './verify-guide.js';
export { bundleToZip, looksLikeZip, type BundleZipError, type BundleZipOptions } from './bundle-zip.js';
export { type BundleTimestamp, type BundleTimestampCheck, bundleTimestampFiles, coversSameTree, type BundleTimestampsReport, TSA_TRUST_ANCHORS_FILE, timestampFileNames, verifyBundleTimestamps, type VerifyBundleTimestampsOptions } from './bundle-timestamps.js';
