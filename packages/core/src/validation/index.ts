export {
  formatIssuePath,
  invalidInputFromZod,
  issuesFromZod,
  type InvalidInputError,
  type ValidationIssue,
} from './validation-issue.js';
export { lineAndColumn, parseJsonText } from './parse-json-text.js';
