import { describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/policy.ts';
import { canOrganisation } from './organisations.policy.ts';

const providerA = 'a0000000-0000-4000-8000-000000000001';
const operatorOrg = 'c0000000-0000-4000-8000-000000000003';

const actor = (roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  organisationId: providerA,
  organisationKind: 'welfare_provider',
  roles,
  ...overrides,
});

describe('organisations policy', () => {
  it('R-ORG-1: only system administration creates organisations, of every kind', () => {
    expect(
      canOrganisation(
        actor(['system_admin'], { organisationId: operatorOrg, organisationKind: 'operator' }),
        'organisation.create',
        { type: 'organisations', organisationId: null },
      ),
    ).toBe(true);
    expect(
      canOrganisation(actor(['org_admin']), 'organisation.create', {
        type: 'organisations',
        organisationId: null,
      }),
    ).toBe(false);
  });
});
