export {
  CHANGE_TYPES,
  ChangeSchema,
  ChangeTypeSchema,
  TextDiffSegmentSchema,
  type Change,
  type ChangeType,
  type TextDiffSegment,
} from './change-schema.js';
export { changeId } from './change-id.js';
export { changedContentFields, itemContentHash, sameContent } from './item-content.js';
export { changedProfileFields } from './profile-changes.js';
export { tokenizeWords, wordDiff, wordSimilarity, type WordDiffOptions } from './word-diff.js';
