import { z } from 'zod';
import { roles } from '../../policy/roles.ts';
import { emailField, optionalText, paginationQuery, versionField } from '../../http/schemas.ts';
import { userStatuses } from './users.values.ts';

export const roleSchema = z.enum(roles);
export const userStatusSchema = z.enum(userStatuses);

export const userSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  functionTitle: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
  status: userStatusSchema,
  /** Only for those who administer the account (policy `user.read_security`). */
  totpEnabled: z.boolean().optional(),
  /** Only for those who administer the account; null: never signed in. */
  lastLoginAt: z.string().nullable().optional(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

const rolesField = z.array(roleSchema).min(1, 'Bitte mindestens eine Rolle wählen.').max(roles.length);

export const inviteUserBody = z.strictObject({
  email: emailField,
  displayName: z.string().trim().min(2).max(120),
  roles: rolesField,
  functionTitle: optionalText(120),
  phone: optionalText(50),
});

export const updateUserBody = z.strictObject({
  ...versionField,
  displayName: z.string().trim().min(2).max(120).optional(),
  roles: rolesField.optional(),
  functionTitle: optionalText(120),
  phone: optionalText(50),
});

export const versionBody = z.strictObject(versionField);

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: userStatusSchema.optional(),
  ...paginationQuery,
});

/** A new invitation link (inviting again); `mailed` tells whether it went out by e-mail. */
export const invitationLinkResponse = z.object({ invitationUrl: z.string(), mailed: z.boolean() });

export const invitationResult = z.object({
  user: userSchema,
  invitationUrl: z.string(),
  mailed: z.boolean(),
});

/** The roles one can assign in an organisation, with the organisation's name (no personal data). */
export const assignableRolesResponse = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  roles: z.array(roleSchema),
});

export type InviteUserInput = z.infer<typeof inviteUserBody>;
export type UpdateUserInput = z.infer<typeof updateUserBody>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
