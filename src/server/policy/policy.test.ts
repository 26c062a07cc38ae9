import { describe, expect, it } from 'vitest';
import {
  credentialRefusal,
  hasOperatorScope,
  navigationFor,
  seesCaseAuditDetails,
  type Actor,
} from './policy.ts';
import { roleAllowedIn, roles, rolesByOrganisationKind } from './roles.ts';
import { AppError } from '../http/errors.ts';
import { authorizeUser, canUser } from '../modules/users/users.policy.ts';

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
  it('R-ORG-4: system administration acts in any organisation and gets the operator scope; API tokens never do', () => {
    const sys = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(canUser(sys, 'user.invite', { type: 'staff', organisationId: providerB })).toBe(true);
    expect(hasOperatorScope(sys)).toBe(true);
    expect(hasOperatorScope({ ...sys, tokenScope: 'write' })).toBe(false);
    expect(hasOperatorScope(actor(['org_admin']))).toBe(false);
  });

  it('R-SEC-3: a read-only API token never writes, whatever its user may do', () => {
    const admin = actor(['org_admin'], { tokenScope: 'read' });
    expect(canUser(admin, 'user.list', { type: 'staff', organisationId: providerA })).toBe(true);
    expect(canUser(admin, 'user.invite', { type: 'staff', organisationId: providerA })).toBe(false);
    expect(() => authorizeUser(admin, 'user.invite', { type: 'staff', organisationId: providerA })).toThrow(
      AppError,
    );
  });

  it('R-SEC-2: a denial on another organisation answers not_found, never forbidden', () => {
    const admin = actor(['org_admin']);
    try {
      authorizeUser(admin, 'user.read', {
        type: 'user',
        organisationId: providerB,
        id: 'x',
        status: 'active',
      });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('not_found');
    }
    try {
      authorizeUser(actor(['counsellor']), 'user.invite', { type: 'staff', organisationId: providerA });
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
