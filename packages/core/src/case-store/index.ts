export { auditEntriesForCase } from './case-audit.js';
export { caseStoreError, type CaseError } from './case-store-error.js';
export { createCaseWorkflow, type CaseWorkflow, type CaseWorkflowSettings, type WorkflowMoveInput } from './case-workflow-store.js';
