import { z } from 'zod';
import { roles, organisationKinds } from '../../policy/roles.ts';
import type { NavigationKey } from '../../policy/policy.ts';

export const sessionStateSchema = z.enum(['active', 'mfa_pending', 'enrolment_required']);

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const loginResponse = z.object({ state: sessionStateSchema, csrfToken: z.string() });

export const totpLoginBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[0-9 ]{6,7}$/, 'Bitte den sechsstelligen Code eingeben.')
      .optional(),
    recoveryCode: z.string().trim().min(8).max(32).optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: 'Bitte entweder einen Sicherheitscode oder einen Wiederherstellungscode angeben.',
    path: ['code'],
  });

/** The navigation keys of `navigationFor` (policy.ts); `satisfies` keeps the two lists equal. */
const navigationKeySet = {
  dashboard: true,
  cases: true,
  team: true,
  organisations: true,
  myOrganisation: true,
  offices: true,
  directory: true,
  hostedHours: true,
  inbox: true,
  conflicts: true,
  partnerTeams: true,
  refer: true,
  referrals: true,
  statistics: true,
  clearing: true,
  clearingRota: true,
  clearingReport: true,
  gaps: true,
  agreements: true,
  offers: true,
  notifications: true,
  users: true,
  audit: true,
  caseSettings: true,
  caseDeletions: true,
  account: true,
} as const satisfies Record<NavigationKey, true>;
export const navigationKeys = Object.keys(navigationKeySet) as [NavigationKey, ...NavigationKey[]];

export const sessionResponse = z.object({
  state: sessionStateSchema,
  csrfToken: z.string().nullable(),
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(roles)),
    locale: z.enum(['de', 'en']),
    totpEnabled: z.boolean(),
    organisation: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(organisationKinds),
      requireTotp: z.boolean(),
    }),
  }),
  navigation: z.array(z.enum(navigationKeys)),
  /** A partner organisation's account (Jobcenter, ABH, course provider): shows the independence notice. */
  partner: z.boolean(),
});

export const meBody = z
  .strictObject({
    locale: z.enum(['de', 'en']).optional(),
    displayName: z.string().trim().min(2).max(120).optional(),
  })
  .refine((v) => v.locale !== undefined || v.displayName !== undefined, {
    message: 'Keine Änderung angegeben.',
  });

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

const securityCode = z
  .string()
  .trim()
  .regex(/^[0-9 ]{6,7}$/, 'Bitte den sechsstelligen Code eingeben.');

/** The password, entered again before a change of how the account signs in (ASVS V2/V3). */
const passwordAgain = z.string().min(1, 'Bitte geben Sie Ihr Passwort ein.').max(1024);

export const codeBody = z.strictObject({ code: securityCode });
export const reauthenticateBody = z.strictObject({ password: passwordAgain });
export const codeAndPasswordBody = z.strictObject({ code: securityCode, password: passwordAgain });

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenListResponse = z.object({ items: z.array(tokenSchema) });
/** A new token: the secret is shown this once. */
export const createTokenResponse = z.object({ token: z.string(), item: tokenSchema });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(['read', 'write']),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const invitationParams = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export const invitationResponse = z.object({
  email: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
});
export const acceptInvitationBody = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  password: z.string().min(1).max(1024),
});
