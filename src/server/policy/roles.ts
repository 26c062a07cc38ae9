/** Every role Koop knows. What a role may do is decided in policy.ts, nowhere else. */
export const roles = [
  'counsellor',
  'team_lead',
  'org_admin',
  'clearing_staff',
  'partner_staff',
  'central_contact',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = [
  'welfare_provider',
  'jobcenter',
  'abh',
  'course_provider',
  'other',
  'operator',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Kinds of partner organisations whose staff must never see case content (R-RED-4). */
export const partnerKinds: readonly OrganisationKind[] = ['jobcenter', 'abh', 'course_provider', 'other'];

/** Which roles can be held in an organisation of each kind. */
export const rolesByOrganisationKind = {
  welfare_provider: ['counsellor', 'team_lead', 'org_admin', 'clearing_staff', 'central_contact'],
  jobcenter: ['partner_staff', 'central_contact', 'org_admin'],
  abh: ['partner_staff', 'central_contact', 'org_admin'],
  course_provider: ['partner_staff', 'central_contact', 'org_admin'],
  other: ['partner_staff', 'central_contact', 'org_admin'],
  operator: ['system_admin', 'org_admin'],
} as const satisfies Record<OrganisationKind, readonly Role[]>;

/** Whether a role may be held by staff of an organisation of this kind. */
export function roleAllowedIn(role: Role, kind: OrganisationKind): boolean {
  return (rolesByOrganisationKind[kind] as readonly Role[]).includes(role);
}
