import type { z } from 'zod';

/** One problem found in an input, in words a person can act on. */
export interface ValidationIssue {
  /** Where the problem is, as a dotted path (`subjects.3.accounts.0.handle`) or `(root)`. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  /** For text inputs: 1-based line and column, where known. */
  line?: number;
  column?: number;
}

/** The typed error every schema-checked input boundary returns. */
export interface InvalidInputError {
  type: 'invalid_input';
  /** What was being read, e.g. `subjects.csv` or `X API /2/users/by/username`. */
  source: string;
  message: string;
  issues: ValidationIssue[];
}

/** Render a zod issue path as `a.b.0.c`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path.map((segment) => String(segment)).join('.');
}

/** Turn zod issues into {@link ValidationIssue}s, one per leaf problem. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length > 0) {
      // Report the branch that got furthest, rather than "invalid input".
      const branches = issue.errors as z.core.$ZodIssue[][];
      const best = branches.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
      for (const inner of best) {
        out.push({ path: formatIssuePath([...issue.path, ...inner.path]), message: inner.message });
      }
      continue;
    }
    out.push({ path: formatIssuePath(issue.path), message: issue.message });
  }
  return out;
}

function deepest(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}

/** Build an {@link InvalidInputError} from a failed `safeParse`. */
export function invalidInputFromZod(source: string, error: z.ZodError): InvalidInputError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  return {
    type: 'invalid_input',
    source,
    message: first ? `${source}: ${first.path}: ${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}` : `${source}: invalid input`,
    issues,
  };
}
