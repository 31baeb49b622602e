/** The office roles (issue 16): who may do what is decided here, on the server, for every route. */
export const ROLES = ['staf', 'kajian', 'pimpinan', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a user can ask the app to change. Reading is open to every signed-in role. */
export type Permission =
  | 'finding.review'
  | 'case.note'
  | 'case.move'
  | 'case.approve'
  | 'case.respond'
  | 'case.export'
  | 'subjects.import';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  // Patrol staff review findings (accept opens a case, dismiss needs a reason) and add notes.
  staf: ['finding.review', 'case.note'],
  // The kajian writers decide findings, write the kajian, move cases and record answers.
  kajian: ['finding.review', 'case.note', 'case.move', 'case.respond', 'case.export'],
  // Commissioners approve recommendations (the move to `rekomendasi`) and sign letters.
  pimpinan: ['case.note', 'case.approve', 'case.export'],
  // Administrators keep users, subjects and config.
  admin: ['subjects.import', 'case.export'],
};

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Role names for the screens, Indonesian first. */
export const ROLE_LABELS: Readonly<Record<Role, { id: string; en: string }>> = {
  staf: { id: 'Staf pengawas', en: 'Patrol staff' },
  kajian: { id: 'Penyusun kajian', en: 'Kajian writer' },
  pimpinan: { id: 'Pimpinan', en: 'Commissioner' },
  admin: { id: 'Admin', en: 'Administrator' },
};
