export {
  CHANGE_TYPES,
  ChangeSchema,
  ChangeTypeSchema,
  TextDiffSegmentSchema,
  type Change,
  type ChangeType,
  type TextDiffSegment,
} from './change-schema.js';
