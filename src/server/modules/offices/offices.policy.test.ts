import { describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/policy.ts';
import { canOffice } from './offices.policy.ts';

const providerA = 'a0000000-0000-4000-8000-000000000001';
const operatorOrg = 'c0000000-0000-4000-8000-000000000003';
const jobcenter = 'd0000000-0000-4000-8000-000000000004';

const actor = (roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  organisationId: providerA,
  organisationKind: 'welfare_provider',
  roles,
  ...overrides,
});

describe('offices policy', () => {
  it('R-ORG-2: offices exist only at welfare providers', () => {
    const sys = actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' });
    expect(
      canOffice(sys, 'office.create', {
        type: 'office',
        organisationId: jobcenter,
        organisationKind: 'jobcenter',
      }),
    ).toBe(false);
    expect(
      canOffice(sys, 'office.create', {
        type: 'office',
        organisationId: providerA,
        organisationKind: 'welfare_provider',
      }),
    ).toBe(true);
  });
});
