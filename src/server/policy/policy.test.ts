import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  authorize,
  can,
  credentialRefusal,
  hasOperatorScope,
  navigationFor,
  seesCaseAuditDetails,
  type Actor,
} from './policy.ts';
import { roleAllowedIn, roles, rolesByOrganisationKind } from './roles.ts';
import { AppError } from '../http/errors.ts';

const providerA = 'a0000000-0000-4000-8000-000000000001';
const providerB = 'b0000000-0000-4000-8000-000000000002';
const operatorOrg = 'c0000000-0000-4000-8000-000000000003';
const jobcenter = 'd0000000-0000-4000-8000-000000000004';

const actor = (roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  organisationId: providerA,
  organisationKind: 'welfare_provider',
  roles,
  ...overrides,
});

describe('policy', () => {
  it('R-ORG-4: a provider administrator manages users of the own organisation only', () => {
    const admin = actor(['org_admin']);
    expect(can(admin, 'user.invite', { type: 'organisation', organisationId: providerA })).toBe(true);
    expect(can(admin, 'user.invite', { type: 'organisation', organisationId: providerB })).toBe(false);
    expect(can(admin, 'user.update', { type: 'user', organisationId: providerB, id: 'x' })).toBe(false);
  });

  it('R-ORG-4: counsellors, clearing staff and partner staff cannot administer users or read the audit log', () => {
    for (const role of [
      'counsellor',
      'clearing_staff',
      'partner_staff',
      'central_contact',
      'team_lead',
    ] as const) {
      const a = actor([role]);
      expect(can(a, 'user.invite', { type: 'organisation', organisationId: providerA })).toBe(false);
      expect(
        can(a, 'user.deactivate', { type: 'user', organisationId: providerA, id: 'x', status: 'active' }),
      ).toBe(false);
      expect(can(a, 'audit.read', { type: 'audit', organisationId: providerA })).toBe(false);
    }
  });

  it('R-ORG-1: only system administration creates organisations, of every kind', () => {
    expect(
      can(
        actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' }),
        'organisation.create',
        { type: 'organisation', organisationId: null },
      ),
    ).toBe(true);
    expect(
      can(actor(['org_admin']), 'organisation.create', { type: 'organisation', organisationId: null }),
    ).toBe(false);
  });

  it('R-ORG-4: system administration acts in any organisation and gets the operator scope; API tokens never do', () => {
    const sys = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(can(sys, 'user.invite', { type: 'organisation', organisationId: providerB })).toBe(true);
    expect(hasOperatorScope(sys)).toBe(true);
    expect(hasOperatorScope({ ...sys, tokenScope: 'write' })).toBe(false);
    expect(hasOperatorScope(actor(['org_admin']))).toBe(false);
  });

  it('R-SEC-3: a read-only API token never writes, whatever its user may do', () => {
    const admin = actor(['org_admin'], { tokenScope: 'read' });
    expect(can(admin, 'user.list', { type: 'organisation', organisationId: providerA })).toBe(true);
    expect(can(admin, 'user.invite', { type: 'organisation', organisationId: providerA })).toBe(false);
    expect(() =>
      authorize(admin, 'user.invite', { type: 'organisation', organisationId: providerA }),
    ).toThrow(AppError);
  });

  it('R-ORG-4: how a colleague signs in is for the administration; colleagues see only each other’s names', () => {
    const colleague = { type: 'user', organisationId: providerA, id: 'u-1', status: 'active' } as const;
    expect(can(actor(['counsellor']), 'user.read', colleague)).toBe(true);
    expect(can(actor(['counsellor']), 'user.read_security', colleague)).toBe(false);
    expect(can(actor(['team_lead']), 'user.read_security', colleague)).toBe(false);
    expect(can(actor(['org_admin']), 'user.read_security', colleague)).toBe(true);
    expect(can(actor(['org_admin']), 'user.read_security', { ...colleague, organisationId: providerB })).toBe(
      false,
    );
  });

  it('R-ORG-4: nobody deactivates themselves; reactivation only applies to deactivated accounts', () => {
    const admin = actor(['org_admin']);
    expect(
      can(admin, 'user.deactivate', {
        type: 'user',
        organisationId: providerA,
        id: admin.userId,
        status: 'active',
      }),
    ).toBe(false);
    expect(
      can(admin, 'user.deactivate', {
        type: 'user',
        organisationId: providerA,
        id: 'other',
        status: 'active',
      }),
    ).toBe(true);
    expect(
      allowedActions(admin, { type: 'user', organisationId: providerA, id: 'other', status: 'active' }, [
        'user.reactivate',
        'user.deactivate',
      ]),
    ).toEqual(['user.deactivate']);
  });

  it('R-ORG-2: offices exist only at welfare providers', () => {
    const sys = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(
      can(sys, 'office.create', { type: 'office', organisationId: jobcenter, organisationKind: 'jobcenter' }),
    ).toBe(false);
    expect(
      can(sys, 'office.create', {
        type: 'office',
        organisationId: providerA,
        organisationKind: 'welfare_provider',
      }),
    ).toBe(true);
  });

  it('R-SEC-2: a denial on another organisation answers not_found, never forbidden', () => {
    const admin = actor(['org_admin']);
    try {
      authorize(admin, 'user.read', { type: 'user', organisationId: providerB, id: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('not_found');
    }
    try {
      authorize(actor(['counsellor']), 'user.invite', { type: 'organisation', organisationId: providerA });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('forbidden');
    }
  });

  it('R-ORG-1: partner organisations cannot hold counselling roles', () => {
    expect(roleAllowedIn('counsellor', 'jobcenter')).toBe(false);
    expect(roleAllowedIn('clearing_staff', 'abh')).toBe(false);
    expect(roleAllowedIn('partner_staff', 'abh')).toBe(true);
    expect(roleAllowedIn('system_admin', 'welfare_provider')).toBe(false);
    // every role can be held somewhere
    for (const role of roles)
      expect(
        Object.values(rolesByOrganisationKind).some((list) => (list as readonly string[]).includes(role)),
      ).toBe(true);
  });

  it('R-DIR-3, R-ORG-4: partner staff see the hours held in their own premises only; providers have no such view', () => {
    const premises = (organisationId: string, organisationKind: Actor['organisationKind']) => ({
      type: 'directory' as const,
      organisationId,
      organisationKind,
    });
    for (const role of ['partner_staff', 'central_contact', 'org_admin'] as const) {
      const partner = actor([role], { organisationId: jobcenter, organisationKind: 'jobcenter' });
      expect(can(partner, 'directory.hosted_hours', premises(jobcenter, 'jobcenter'))).toBe(true);
      expect(navigationFor(partner)).toContain('hostedHours');
      expect(() => authorize(partner, 'directory.hosted_hours', premises(providerB, 'abh'))).toThrow(
        expect.objectContaining({ code: 'not_found' }),
      );
    }
    for (const role of ['counsellor', 'team_lead', 'org_admin'] as const) {
      const provider = actor([role]);
      expect(can(provider, 'directory.hosted_hours', premises(providerA, 'welfare_provider'))).toBe(false);
      expect(navigationFor(provider)).not.toContain('hostedHours');
    }
    const system = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(can(system, 'directory.hosted_hours', premises(jobcenter, 'jobcenter'))).toBe(true);
    expect(navigationFor(system)).not.toContain('hostedHours');
  });

  it('R-ORG-4: the navigation follows the role', () => {
    expect(navigationFor(actor(['counsellor']))).toEqual([
      'dashboard',
      'cases',
      'myOrganisation',
      'offices',
      'directory',
      'offers',
      'notifications',
      'users',
      'account',
    ]);
    expect(
      navigationFor(actor(['partner_staff'], { organisationId: jobcenter, organisationKind: 'jobcenter' })),
    ).toEqual(['dashboard', 'myOrganisation', 'directory', 'hostedHours', 'offers', 'account']);
    expect(
      navigationFor(actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' })),
    ).toContain('organisations');
    expect(navigationFor(actor(['org_admin']))).toContain('audit');
  });

  it('R-SEC-3: a read-only token only reads; no token manages credentials; the browser session does both', () => {
    const read = { kind: 'token', scope: 'read' } as const;
    const write = { kind: 'token', scope: 'write' } as const;
    const session = { kind: 'session' } as const;
    const get = { safe: true, credentials: false };
    const post = { safe: false, credentials: false };
    const credentials = { safe: false, credentials: true };
    expect(credentialRefusal(read, get)).toBeNull();
    expect(credentialRefusal(read, post)).toBe('token_read_only');
    expect(credentialRefusal(write, post)).toBeNull();
    expect(credentialRefusal(read, credentials)).toBe('session_required');
    expect(credentialRefusal(write, credentials)).toBe('session_required');
    expect(credentialRefusal(write, { safe: true, credentials: true })).toBe('session_required');
    expect(credentialRefusal(session, credentials)).toBeNull();
    expect(credentialRefusal(session, post)).toBeNull();
  });

  it('R-RED-4, R-SEC-2: only the own organisation sees which case an audit entry concerns', () => {
    const operator = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(seesCaseAuditDetails(operator, providerA)).toBe(false);
    expect(seesCaseAuditDetails(actor(['org_admin']), providerA)).toBe(true);
  });
});
