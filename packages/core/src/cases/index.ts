export {
  CASE_STATES,
  CaseNoteSchema,
  CaseSchema,
  CaseStateSchema,
  CaseTransitionSchema,
  type Case,
  type CaseNote,
  type CaseState,
  type CaseTransition,
} from './case-schema.js';
