import { describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/policy.ts';
import { canAudit } from '../audit/audit.policy.ts';
import { allowedUserActions, canUser } from './users.policy.ts';

const providerA = 'a0000000-0000-4000-8000-000000000001';
const providerB = 'b0000000-0000-4000-8000-000000000002';

const actor = (roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  organisationId: providerA,
  organisationKind: 'welfare_provider',
  roles,
  ...overrides,
});

describe('users policy', () => {
  it('R-ORG-4: a provider administrator manages users of the own organisation only', () => {
    const admin = actor(['org_admin']);
    expect(canUser(admin, 'user.invite', { type: 'staff', organisationId: providerA })).toBe(true);
    expect(canUser(admin, 'user.invite', { type: 'staff', organisationId: providerB })).toBe(false);
    expect(
      canUser(admin, 'user.update', { type: 'user', organisationId: providerB, id: 'x', status: 'active' }),
    ).toBe(false);
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
      expect(canUser(a, 'user.invite', { type: 'staff', organisationId: providerA })).toBe(false);
      expect(
        canUser(a, 'user.deactivate', { type: 'user', organisationId: providerA, id: 'x', status: 'active' }),
      ).toBe(false);
      expect(canAudit(a, 'audit.read', { type: 'audit_log', organisationId: providerA })).toBe(false);
    }
  });

  it('R-ORG-4: how a colleague signs in is for the administration; colleagues see only each other’s names', () => {
    const colleague = { type: 'user', organisationId: providerA, id: 'u-1', status: 'active' } as const;
    expect(canUser(actor(['counsellor']), 'user.read', colleague)).toBe(true);
    expect(canUser(actor(['counsellor']), 'user.read_security', colleague)).toBe(false);
    expect(canUser(actor(['team_lead']), 'user.read_security', colleague)).toBe(false);
    expect(canUser(actor(['org_admin']), 'user.read_security', colleague)).toBe(true);
    expect(
      canUser(actor(['org_admin']), 'user.read_security', { ...colleague, organisationId: providerB }),
    ).toBe(false);
  });

  it('R-ORG-4: nobody deactivates themselves; reactivation only applies to deactivated accounts', () => {
    const admin = actor(['org_admin']);
    expect(
      canUser(admin, 'user.deactivate', {
        type: 'user',
        organisationId: providerA,
        id: admin.userId,
        status: 'active',
      }),
    ).toBe(false);
    expect(
      canUser(admin, 'user.deactivate', {
        type: 'user',
        organisationId: providerA,
        id: 'other',
        status: 'active',
      }),
    ).toBe(true);
    expect(
      allowedUserActions(admin, { type: 'user', organisationId: providerA, id: 'other', status: 'active' }, [
        'user.reactivate',
        'user.deactivate',
      ]),
    ).toEqual(['user.deactivate']);
  });
});
