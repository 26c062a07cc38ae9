import { z } from 'zod';
import { organisationKinds } from '../../policy/roles.ts';
import {
  emailField,
  optionalText,
  postcodeField,
  versionField,
  paginationQuery,
} from '../../http/schemas.ts';
import { userSchema } from '../users/users.schemas.ts';
import {
  dataProtectionLaws,
  fundings,
  germanStates,
  organisationSubtypes,
  services,
} from './organisations.values.ts';

export const serviceSchema = z.enum(services);
export const fundingSchema = z.enum(fundings);
export const dataProtectionLawSchema = z.enum(dataProtectionLaws);
export const germanStateSchema = z.enum(germanStates);
export const subtypeSchema = z.enum(organisationSubtypes);

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  subtype: z.string().nullable(),
  umbrella: z.string().nullable(),
  services: z.array(serviceSchema),
  funding: fundingSchema.nullable(),
  hostsClearingOffice: z.boolean(),
  dataProtectionLaw: dataProtectionLawSchema.nullable(),
  /** The Land (official abbreviation); under the DSGVO it names the supervisory authority. */
  state: germanStateSchema.nullable(),
  requireTotp: z.boolean(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

export const organisationDetailSchema = organisationSchema.extend({
  centralContacts: z.array(userSchema),
  centralContactMissing: z.boolean().nullable(),
});

const editableFields = {
  name: z.string().trim().min(2).max(200),
  subtype: subtypeSchema.nullable().optional(),
  umbrella: optionalText(100),
  services: z.array(serviceSchema).max(2).optional(),
  funding: fundingSchema.nullable().optional(),
  hostsClearingOffice: z.boolean().optional(),
  dataProtectionLaw: dataProtectionLawSchema.nullable().optional(),
  state: germanStateSchema.nullable().optional(),
  street: optionalText(200),
  postcode: postcodeField.nullable().optional(),
  city: optionalText(100),
  phone: optionalText(50),
  email: emailField.nullable().optional(),
  website: z.url().max(300).nullable().optional(),
};

export const createOrganisationBody = z.strictObject({ ...editableFields, kind: z.enum(organisationKinds) });

export const updateOrganisationBody = z.strictObject({
  ...versionField,
  ...editableFields,
  name: editableFields.name.optional(),
  requireTotp: z.boolean().optional(),
  deactivated: z.boolean().optional(),
});

export const listOrganisationsQuery = z.strictObject({
  kind: z.enum(organisationKinds).optional(),
  q: z.string().trim().max(100).optional(),
  ...paginationQuery,
});

export type CreateOrganisationInput = z.infer<typeof createOrganisationBody>;
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationBody>;
