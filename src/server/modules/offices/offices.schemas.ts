import { z } from 'zod';
import { emailField, optionalText, postcodeField, versionField } from '../../http/schemas.ts';
import { languageListField } from '../directory/languages.ts';

const serviceEnum = z.enum(['MBE', 'JMD']);
const platforms = ['mbeon', 'caritas', 'diakonie', 'drk', 'awo', 'paritaet', 'other'] as const;

/** A web address the public may follow: http(s) only. */
export const webAddressField = z
  .url({ protocol: /^https?$/, message: 'Bitte eine vollständige Webadresse mit https:// angeben.' })
  .max(500);

const onlineLinkSchema = z.object({
  platform: z.enum(platforms),
  url: z.string(),
  label: z.string().nullable(),
});

const agesSchema = z.object({ minAge: z.number().int(), maxAge: z.number().int().nullable() });

/** A contact of an office by function (R-ORG-2); the own name is public only when chosen. */
export const contactSchema = z.object({
  id: z.uuid(),
  functionTitle: z.string(),
  name: z.string().nullable(),
  namePublic: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  languages: z.array(z.string()),
});

export const officeSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  services: z.array(serviceEnum),
  description: z.string().nullable(),
  website: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  languages: z.array(z.string()),
  accessibility: z.string().nullable(),
  onlineLinks: z.array(onlineLinkSchema),
  serviceAges: z.object({ MBE: agesSchema.optional(), JMD: agesSchema.optional() }),
  catchmentPostcodes: z.array(z.string()),
  catchmentMunicipalities: z.array(z.string()),
  contacts: z.array(contactSchema),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

const ageField = z.number().int().min(0).max(120);
const agesInput = z
  .strictObject({ minAge: ageField, maxAge: ageField.nullable().default(null) })
  .refine((a) => a.maxAge === null || a.maxAge >= a.minAge, {
    message: 'Das Höchstalter darf nicht unter dem Mindestalter liegen.',
    path: ['maxAge'],
  });

const contactInput = z.strictObject({
  functionTitle: z.string().trim().min(2).max(120),
  name: optionalText(120),
  namePublic: z.boolean().default(false),
  phone: optionalText(50),
  email: emailField.nullable().optional(),
  languages: languageListField.default([]),
});

const fields = {
  name: z.string().trim().min(2).max(200),
  street: z.string().trim().min(2).max(200),
  postcode: postcodeField,
  city: z.string().trim().min(2).max(100),
  phone: optionalText(50),
  email: emailField.nullable().optional(),
  services: z
    .array(serviceEnum)
    .min(1, 'Bitte mindestens einen Dienst wählen.')
    .max(2)
    .transform((s) => [...new Set(s)]),
  description: optionalText(2000),
  website: webAddressField.nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  languages: languageListField.optional(),
  accessibility: optionalText(2000),
  onlineLinks: z
    .array(
      z.strictObject({
        platform: z.enum(platforms),
        url: webAddressField,
        label: optionalText(120),
      }),
    )
    .max(10)
    .optional(),
  serviceAges: z.strictObject({ MBE: agesInput.optional(), JMD: agesInput.optional() }).optional(),
  catchmentPostcodes: z
    .array(postcodeField)
    .max(1000)
    .transform((p) => [...new Set(p)])
    .optional(),
  catchmentMunicipalities: z
    .array(z.string().trim().min(2).max(100))
    .max(200)
    .transform((m) => [...new Set(m)])
    .optional(),
  contacts: z.array(contactInput).max(50).optional(),
};

/** Coordinates come as a pair: a latitude without longitude (or the other way) is refused. */
function coordinatesTogether(
  value: { latitude?: number | null; longitude?: number | null },
  ctx: z.RefinementCtx,
) {
  const hasLat = value.latitude !== undefined && value.latitude !== null;
  const hasLon = value.longitude !== undefined && value.longitude !== null;
  if (hasLat !== hasLon) {
    ctx.addIssue({
      code: 'custom',
      path: [hasLat ? 'longitude' : 'latitude'],
      message: 'Bitte Breiten- und Längengrad zusammen angeben.',
    });
  }
}

export const createOfficeBody = z.strictObject(fields).superRefine(coordinatesTogether);
export const updateOfficeBody = z
  .strictObject({
    ...versionField,
    name: fields.name.optional(),
    street: fields.street.optional(),
    postcode: fields.postcode.optional(),
    city: fields.city.optional(),
    phone: fields.phone,
    email: fields.email,
    services: fields.services.optional(),
    description: fields.description,
    website: fields.website,
    latitude: fields.latitude,
    longitude: fields.longitude,
    languages: fields.languages,
    accessibility: fields.accessibility,
    onlineLinks: fields.onlineLinks,
    serviceAges: fields.serviceAges,
    catchmentPostcodes: fields.catchmentPostcodes,
    catchmentMunicipalities: fields.catchmentMunicipalities,
    contacts: fields.contacts,
  })
  .superRefine((value, ctx) => {
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.latitude === undefined ? 'latitude' : 'longitude'],
        message: 'Bitte Breiten- und Längengrad zusammen angeben.',
      });
      return;
    }
    coordinatesTogether(value, ctx);
  });
export const deleteOfficeQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export type CreateOfficeInput = z.infer<typeof createOfficeBody>;
export type UpdateOfficeInput = z.infer<typeof updateOfficeBody>;
export type ContactInput = z.infer<typeof contactInput>;
