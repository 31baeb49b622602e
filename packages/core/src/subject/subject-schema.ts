import { z } from 'zod';
import { AccountSchema, accountKey } from '../account/account-schema.js';

/**
 * Who a subject is, legally. It decides which rules apply and where a case is referred.
 * `asn` is a PNS (civil servant); `ptt` covers honorer/THL/contract staff.
 */
export const SUBJECT_CATEGORIES = [
  'asn',
  'pppk',
  'ptt',
  'tni',
  'polri',
  'penyelenggara',
  'kepala_desa',
  'perangkat_desa',
  'candidate',
  'tim_kampanye',
  'relawan',
  'other',
] as const;
export const SubjectCategorySchema = z.enum(SUBJECT_CATEGORIES, {
  error: () => `category must be one of: ${SUBJECT_CATEGORIES.join(', ')}`,
});
export type SubjectCategory = z.infer<typeof SubjectCategorySchema>;

/** Categories bound to stay politically neutral (as opposed to participants in the contest). */
export const NEUTRAL_CATEGORIES: readonly SubjectCategory[] = [
  'asn',
  'pppk',
  'ptt',
  'tni',
  'polri',
  'penyelenggara',
  'kepala_desa',
  'perangkat_desa',
];

export const SubjectIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'subject id must start with a letter or digit and hold only letters, digits, ".", "_" or "-" (max 64)',
  });

/** A person (or team) under supervision. */
export const SubjectSchema = z
  .object({
    id: SubjectIdSchema,
    name: z.string().trim().min(1, { message: 'name is required' }).max(200),
    category: SubjectCategorySchema,
    /** NIP / NRP. Sensitive personal data: masked in exports unless explicitly included. */
    employeeNumber: z
      .string()
      .regex(/^[0-9 .-]{5,30}$/, { message: 'employee number (NIP/NRP) must be 5–30 digits, spaces, "." or "-"' })
      .optional(),
    agency: z.string().max(200).optional(),
    position: z.string().max(200).optional(),
    region: z.string().max(200).optional(),
    /** For candidates and their teams: the ballot number of the pair they belong to. */
    candidatePairNumber: z.number().int().positive().optional(),
    accounts: z.array(AccountSchema).default([]),
    notes: z.string().max(2000).optional(),
  })
  .superRefine((subject, context) => {
    const seen = new Set<string>();
    subject.accounts.forEach((account, index) => {
      const key = `${account.platform}:${account.handle.toLowerCase()}`;
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['accounts', index],
          message: `account ${account.platform}:@${account.handle} is listed twice for this subject`,
        });
      }
      seen.add(key);
    });
  });
export type Subject = z.infer<typeof SubjectSchema>;
export type SubjectInput = z.input<typeof SubjectSchema>;

/** A problem between the subjects of one list: a repeated id, or an account held by two subjects. */
export interface SubjectListProblem {
  /** Index of the subject in the list, then the field (`[3, 'id']`, `[5, 'accounts']`). */
  path: [number, 'id' | 'accounts'];
  message: string;
}

/**
 * The problems between subjects of one list that each subject alone cannot show: a repeated id,
 * an account that belongs to two subjects. {@link SubjectListSchema} reports the same; this reads
 * a list already checked subject by subject without copying it.
 */
export function subjectListProblems(subjects: readonly Subject[]): SubjectListProblem[] {
  const problems: SubjectListProblem[] = [];
  const ids = new Map<string, number>();
  const accounts = new Map<string, string>();
  subjects.forEach((subject, index) => {
    const first = ids.get(subject.id);
    if (first !== undefined) {
      problems.push({ path: [index, 'id'], message: `subject id "${subject.id}" is already used by entry ${first}` });
    } else ids.set(subject.id, index);
    for (const account of subject.accounts) {
      const key = accountKey(account);
      const owner = accounts.get(key);
      if (owner !== undefined && owner !== subject.id) {
        problems.push({ path: [index, 'accounts'], message: `account ${key} also belongs to subject "${owner}"` });
      } else accounts.set(key, subject.id);
    }
  });
  return problems;
}

/** A subjects file: an array, or `{ "subjects": [...] }`. Ids must be unique. */
export const SubjectListSchema = z
  .union([z.array(SubjectSchema), z.object({ subjects: z.array(SubjectSchema) }).transform((value) => value.subjects)])
  .superRefine((subjects, context) => {
    for (const problem of subjectListProblems(subjects)) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
