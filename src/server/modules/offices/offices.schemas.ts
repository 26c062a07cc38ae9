import { z } from 'zod';
import { emailField, optionalText, postcodeField, versionField } from '../../http/schemas.ts';

export const officeSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  services: z.array(z.enum(['MBE', 'JMD'])),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

const fields = {
  name: z.string().trim().min(2).max(200),
  street: z.string().trim().min(2).max(200),
  postcode: postcodeField,
  city: z.string().trim().min(2).max(100),
  phone: optionalText(50),
  email: emailField.nullable().optional(),
  services: z
    .array(z.enum(['MBE', 'JMD']))
    .min(1, 'Bitte mindestens einen Dienst wählen.')
    .max(2),
};

export const createOfficeBody = z.strictObject(fields);
export const updateOfficeBody = z.strictObject({
  ...versionField,
  name: fields.name.optional(),
  street: fields.street.optional(),
  postcode: fields.postcode.optional(),
  city: fields.city.optional(),
  phone: fields.phone,
  email: fields.email,
  services: fields.services.optional(),
});
export const deleteOfficeQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export type CreateOfficeInput = z.infer<typeof createOfficeBody>;
export type UpdateOfficeInput = z.infer<typeof updateOfficeBody>;
