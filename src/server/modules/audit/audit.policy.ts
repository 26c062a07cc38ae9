import { refusal, rolePermits, type Actor, type ModulePermissions, type Scope } from '../../policy/policy.ts';

/**
 * The policy of the audit viewer (R-SEC-2, R-ORG-4): an organisation's administration reads its
 * own audit log, system administration any organisation's. What system administration sees of a
 * provider's case entries is `seesCaseAuditDetails` in `policy/policy.ts`, applied by the
 * repository.
 */

export type AuditLogAction = 'audit.read';

/** What an audit action applies to. */
export type AuditLogResource = { type: 'audit_log'; organisationId: string };

const none = {} as const satisfies Partial<Record<AuditLogAction, Scope>>;

const permissions: ModulePermissions<AuditLogAction> = {
  roles: {
    counsellor: none,
    team_lead: none,
    clearing_staff: none,
    partner_staff: none,
    central_contact: none,
    org_admin: { 'audit.read': 'own' },
    system_admin: { 'audit.read': 'any' },
  },
  reads: new Set<AuditLogAction>(['audit.read']),
};

/** Whether `actor` may perform `action` on `resource`. */
export function canAudit(actor: Actor, action: AuditLogAction, resource: AuditLogResource): boolean {
  return rolePermits(permissions, actor, action, resource.organisationId);
}

/** The actions of `candidates` the actor may perform on the resource; sent to the UI. */
export function allowedAuditActions(
  actor: Actor,
  resource: AuditLogResource,
  candidates: readonly AuditLogAction[],
): AuditLogAction[] {
  return candidates.filter((action) => canAudit(actor, action, resource));
}

/** Throws unless the actor may act; another organisation's log is "not found". */
export function authorizeAudit(actor: Actor, action: AuditLogAction, resource: AuditLogResource): void {
  if (!canAudit(actor, action, resource)) throw refusal(permissions, actor, action, resource.organisationId);
}
