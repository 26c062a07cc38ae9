import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { navigationFor, type Actor } from '../../policy/policy.ts';
import { authorizeCase, canCase, type CaseAction, type CaseRecord } from './cases.policy.ts';

const provider = 'a0000000-0000-4000-8000-000000000001';
const jobcenter = 'd0000000-0000-4000-8000-000000000004';

const actor = (roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'me',
  organisationId: provider,
  organisationKind: 'welfare_provider',
  roles,
  ...overrides,
});

const aCase = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  type: 'case',
  organisationId: provider,
  ownerUserId: 'owner',
  grantedUserIds: [],
  status: 'open',
  ...overrides,
});

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
};

const caseActions: CaseAction[] = [
  'client.create',
  'client.search',
  'client.read',
  'client.update',
  'client.export',
  'case.create',
  'case.read',
  'case.read_special',
  'case.update',
  'case.close',
  'case.reopen',
  'case.lookup',
  'case.break_glass',
  'case.legal_hold',
  'caseload.read',
  'caseload.team',
  'case_settings.read',
  'case_settings.update',
  'case_deletions.read',
];

describe('case management in the policy', () => {
  it('R-RED-4: every partner role is answered "not found" for every case action, even on its own organisation', () => {
    for (const roles of [
      ['partner_staff'],
      ['central_contact'],
      ['org_admin'],
      ['central_contact', 'org_admin'],
    ] as const) {
      const partner = actor([...roles], { organisationId: jobcenter, organisationKind: 'jobcenter' });
      for (const action of caseActions) {
        expect(
          codeOf(() =>
            authorizeCase(partner, action, { type: 'case_management', organisationId: jobcenter }),
          ),
          `${roles.join('+')} ${action}`,
        ).toBe('not_found');
        expect(
          codeOf(() => authorizeCase(partner, action, aCase())),
          `${roles.join('+')} ${action}`,
        ).toBe('not_found');
      }
      expect(navigationFor(partner)).not.toContain('cases');
    }
  });

  it('R-CON-8: a counsellor reads own cases; someone else’s asks for a reason, which then opens it', () => {
    const me = actor(['counsellor']);
    expect(canCase(me, 'case.read', aCase({ ownerUserId: 'me' }))).toBe(true);
    expect(codeOf(() => authorizeCase(me, 'case.read', aCase()))).toBe('break_glass_required');
    expect(codeOf(() => authorizeCase(me, 'case.update', aCase()))).toBe('break_glass_required');
    expect(canCase(me, 'case.break_glass', aCase())).toBe(true);
    expect(canCase(me, 'case.break_glass', aCase({ ownerUserId: 'me' }))).toBe(false);
    const granted = aCase({ grantedUserIds: ['me'] });
    expect(canCase(me, 'case.read', granted)).toBe(true);
    expect(canCase(me, 'case.read_special', granted)).toBe(true);
    expect(canCase(me, 'case.update', granted)).toBe(true);
  });

  it('R-CON-8: a team lead sees counts, reads a case only after breaking the glass, and never changes it', () => {
    const lead = actor(['team_lead']);
    expect(canCase(lead, 'caseload.team', { type: 'case_management', organisationId: provider })).toBe(true);
    expect(canCase(lead, 'caseload.read', { type: 'case_management', organisationId: provider })).toBe(false);
    expect(codeOf(() => authorizeCase(lead, 'case.read', aCase()))).toBe('break_glass_required');
    const granted = aCase({ grantedUserIds: ['me'] });
    expect(canCase(lead, 'case.read', granted)).toBe(true);
    expect(canCase(lead, 'case.read_special', granted)).toBe(true);
    expect(codeOf(() => authorizeCase(lead, 'case.update', granted))).toBe('forbidden');
    expect(navigationFor(lead)).toContain('team');
  });

  it('R-CASE-3: health data (Art. 9 DSGVO) never goes out through an API token, even to the owner', () => {
    const token = actor(['counsellor'], { tokenScope: 'read' });
    expect(canCase(token, 'case.read', aCase({ ownerUserId: 'me' }))).toBe(true);
    expect(canCase(token, 'case.read_special', aCase({ ownerUserId: 'me' }))).toBe(false);
  });

  it('R-CON-5: the provider’s administration configures lists and retention but reads no case', () => {
    const admin = actor(['org_admin']);
    expect(canCase(admin, 'case_settings.update', { type: 'case_settings', organisationId: provider })).toBe(
      true,
    );
    expect(canCase(admin, 'case.legal_hold', aCase())).toBe(true);
    expect(canCase(admin, 'case.read', aCase({ grantedUserIds: ['me'] }))).toBe(false);
    expect(canCase(admin, 'case.break_glass', aCase())).toBe(false);
  });

  it('R-CON-5: case settings and deletion records appear in the navigation of the provider’s administration only', () => {
    expect(navigationFor(actor(['org_admin']))).toEqual(
      expect.arrayContaining(['caseSettings', 'caseDeletions']),
    );
    for (const [label, someone] of [
      ['counsellor', actor(['counsellor'])],
      ['team lead', actor(['team_lead'])],
      ['clearing', actor(['clearing_staff'])],
      ['partner admin', actor(['org_admin'], { organisationId: jobcenter, organisationKind: 'jobcenter' })],
      ['system admin', actor(['system_admin'], { organisationKind: 'operator' })],
    ] as const) {
      const nav: string[] = navigationFor(someone);
      expect(nav, label).not.toContain('caseSettings');
      expect(nav, label).not.toContain('caseDeletions');
    }
    // A read-only token may read the records but not change the settings.
    const token: string[] = navigationFor(actor(['org_admin'], { tokenScope: 'read' }));
    expect(token).toContain('caseDeletions');
    expect(token).not.toContain('caseSettings');
  });

  it('R-SEC-2: system administration has no case permission at all', () => {
    const sys = actor(['system_admin'], { organisationKind: 'operator' });
    for (const action of caseActions) {
      expect(
        canCase(sys, action, aCase({ organisationId: sys.organisationId, ownerUserId: 'me' })),
        action,
      ).toBe(false);
    }
  });

  it('R-CASE-3: a closed case is read-only until reopened', () => {
    const me = actor(['counsellor']);
    const closed = aCase({ ownerUserId: 'me', status: 'closed' });
    expect(canCase(me, 'case.read', closed)).toBe(true);
    expect(canCase(me, 'case.update', closed)).toBe(false);
    expect(canCase(me, 'case.reopen', closed)).toBe(true);
  });
});
