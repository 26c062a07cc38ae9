import { describe, expect, it } from 'vitest';
import { navigationFor, type Actor } from '../../policy/policy.ts';
import { authorizeDirectory, canDirectory } from './directory.policy.ts';

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

describe('directory policy', () => {
  it('R-DIR-3, R-ORG-4: partner staff see the hours held in their own premises only; providers have no such view', () => {
    const premises = (organisationId: string, organisationKind: Actor['organisationKind']) => ({
      type: 'premises' as const,
      organisationId,
      organisationKind,
    });
    for (const role of ['partner_staff', 'central_contact', 'org_admin'] as const) {
      const partner = actor([role], { organisationId: jobcenter, organisationKind: 'jobcenter' });
      expect(canDirectory(partner, 'directory.hosted_hours', premises(jobcenter, 'jobcenter'))).toBe(true);
      expect(navigationFor(partner)).toContain('hostedHours');
      expect(() => authorizeDirectory(partner, 'directory.hosted_hours', premises(providerB, 'abh'))).toThrow(
        expect.objectContaining({ code: 'not_found' }),
      );
    }
    for (const role of ['counsellor', 'team_lead', 'org_admin'] as const) {
      const provider = actor([role]);
      expect(canDirectory(provider, 'directory.hosted_hours', premises(providerA, 'welfare_provider'))).toBe(
        false,
      );
      expect(navigationFor(provider)).not.toContain('hostedHours');
    }
    const system = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(canDirectory(system, 'directory.hosted_hours', premises(jobcenter, 'jobcenter'))).toBe(true);
    expect(navigationFor(system)).not.toContain('hostedHours');
  });
});
