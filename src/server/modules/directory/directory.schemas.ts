import { z } from 'zod';
import { optionalText, versionField } from '../../http/schemas.ts';
import { languageCodeField } from './languages.ts';

/** Request and response schemas of the directory: hours, public search, overview. */

const serviceEnum = z.enum(['MBE', 'JMD']);

export const timeField = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bitte eine Uhrzeit im Format HH:MM angeben (z. B. 09:30).');

export const dateField = z.iso.date({ message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' });

const weekdayField = z
  .number()
  .int()
  .min(1, 'Wochentag 1 (Montag) bis 7 (Sonntag).')
  .max(7, 'Wochentag 1 (Montag) bis 7 (Sonntag).');

const hoursInput = z
  .strictObject({
    kind: z.enum(['counselling', 'opening']),
    service: serviceEnum.nullable().default(null),
    weekday: weekdayField,
    opensAt: timeField,
    closesAt: timeField,
    validFrom: dateField.nullable().default(null),
    validTo: dateField.nullable().default(null),
    partnerOrganisationId: z.uuid().nullable().default(null),
    room: optionalText(200),
    byAppointment: z.boolean().default(false),
    note: optionalText(500),
  })
  .superRefine((h, ctx) => {
    if (h.closesAt <= h.opensAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesAt'],
        message: `Das Ende (${h.closesAt}) muss nach dem Beginn (${h.opensAt}) liegen.`,
      });
    }
    if (h.validFrom && h.validTo && h.validTo < h.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'Das Ende der Gültigkeit muss nach ihrem Beginn liegen.',
      });
    }
  });

const exceptionInput = z
  .strictObject({
    kind: z.enum(['closed', 'holiday', 'extra']),
    startsOn: dateField,
    endsOn: dateField.optional(),
    opensAt: timeField.nullable().default(null),
    closesAt: timeField.nullable().default(null),
    partnerOrganisationId: z.uuid().nullable().default(null),
    room: optionalText(200),
    note: optionalText(500),
  })
  .transform((e) => ({ ...e, endsOn: e.endsOn ?? e.startsOn }))
  .superRefine((e, ctx) => {
    if (e.endsOn < e.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Das Ende muss nach dem Beginn liegen.' });
    }
    if (e.kind === 'extra') {
      if (!e.opensAt || !e.closesAt) {
        ctx.addIssue({
          code: 'custom',
          path: [e.opensAt ? 'closesAt' : 'opensAt'],
          message: 'Für einen zusätzlichen Termin bitte Beginn und Ende angeben.',
        });
      } else if (e.closesAt <= e.opensAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['closesAt'],
          message: `Das Ende (${e.closesAt}) muss nach dem Beginn (${e.opensAt}) liegen.`,
        });
      }
    } else if (e.opensAt || e.closesAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['opensAt'],
        message: 'Eine Schließung gilt für ganze Tage; bitte keine Uhrzeit angeben.',
      });
    }
  });

/** The whole weekly schedule of an office, replaced at once so that it is checked as a whole. */
export const scheduleBody = z.strictObject({
  ...versionField,
  hours: z.array(hoursInput).max(200),
  exceptions: z.array(exceptionInput).max(400).default([]),
});
export type ScheduleInput = z.infer<typeof scheduleBody>;

const placeSchema = z
  .object({
    organisationId: z.uuid(),
    name: z.string(),
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
  })
  .nullable()
  .describe('Partnerräume (z. B. in der Ausländerbehörde); null = in der Beratungsstelle');

export const hoursSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['counselling', 'opening']),
  service: serviceEnum.nullable(),
  weekday: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  partnerOrganisationId: z.uuid().nullable(),
  place: placeSchema,
  room: z.string().nullable(),
  byAppointment: z.boolean(),
  note: z.string().nullable(),
});

export const exceptionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['closed', 'holiday', 'extra']),
  startsOn: z.string(),
  endsOn: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  partnerOrganisationId: z.uuid().nullable(),
  place: placeSchema,
  room: z.string().nullable(),
  note: z.string().nullable(),
});

export const scheduleSchema = z.object({
  officeId: z.uuid(),
  version: z.number().int(),
  hours: z.array(hoursSchema),
  exceptions: z.array(exceptionSchema),
  allowedActions: z.array(z.string()),
});

const daySchema = z.object({
  date: z.string(),
  weekday: z.number().int(),
  closed: z.object({ kind: z.enum(['closed', 'holiday']), note: z.string().nullable() }).nullable(),
  slots: z.array(
    z.object({
      kind: z.enum(['counselling', 'opening', 'extra']),
      service: serviceEnum.nullable(),
      opensAt: z.string(),
      closesAt: z.string(),
      place: placeSchema,
      room: z.string().nullable(),
      byAppointment: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Public search (R-DIR-2): only fields meant for the public.

export const postcodeOrPlace = z
  .string()
  .trim()
  .min(2, 'Bitte eine Postleitzahl oder einen Ort angeben.')
  .max(80)
  .superRefine((value, ctx) => {
    if (/^\d/.test(value)) {
      if (!/^\d{5}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'Bitte eine fünfstellige Postleitzahl angeben.' });
      }
    } else if (!/^\p{L}[\p{L}\p{M}\s.'’()/-]*$/u.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'Bitte einen Ortsnamen oder eine Postleitzahl angeben.' });
    }
  });

export const publicSearchQuery = z
  .strictObject({
    q: postcodeOrPlace.optional(),
    language: languageCodeField.optional(),
    age: z.coerce
      .number({ message: 'Bitte das Alter als Zahl angeben.' })
      .int('Bitte das Alter als ganze Zahl angeben.')
      .min(0, 'Bitte ein Alter zwischen 0 und 120 angeben.')
      .max(120, 'Bitte ein Alter zwischen 0 und 120 angeben.')
      .optional(),
    service: serviceEnum.optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .superRefine((query, ctx) => {
    if ((query.lat === undefined) !== (query.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [query.lat === undefined ? 'lat' : 'lon'],
        message: 'Bitte Breiten- und Längengrad zusammen angeben.',
      });
    }
    if (query.q === undefined && query.lat === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['q'],
        message: 'Bitte eine Postleitzahl oder einen Ort angeben.',
      });
    }
  });
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;

/**
 * The public printable overview: the whole directory, or the offices a search by postcode or
 * town finds (with its language, age and service). A position is not taken: the page does not
 * put the browser's coordinates into a link.
 */
export const publicOverviewQuery = z
  .strictObject({
    q: postcodeOrPlace.optional(),
    language: languageCodeField.optional(),
    age: publicSearchQuery.shape.age,
    service: serviceEnum.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.q === undefined && (query.language ?? query.age ?? query.service) !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['q'],
        message:
          'Bitte zur Sprache, zum Alter oder zum Dienst auch eine Postleitzahl oder einen Ort angeben.',
      });
    }
  });
export type PublicOverviewQuery = z.infer<typeof publicOverviewQuery>;

const onlineLinkSchema = z.object({
  platform: z.string(),
  url: z.string(),
  label: z.string().nullable(),
});

/** What the public sees of an office. Nothing else leaves the server on the public routes. */
export const publicOfficeSchema = z.object({
  id: z.uuid(),
  providerName: z.string(),
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  mapUrl: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  services: z.array(serviceEnum),
  languages: z.array(z.string()),
  accessibility: z.string().nullable(),
  onlineLinks: z.array(onlineLinkSchema),
  contacts: z.array(
    z.object({
      functionTitle: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      languages: z.array(z.string()),
    }),
  ),
  days: z.array(daySchema),
});

export const publicSearchResultSchema = publicOfficeSchema.extend({
  match: z.enum(['catchment', 'town', 'nearby']),
  distanceKm: z.number().nullable(),
  suitableServices: z.array(serviceEnum),
});

export const publicSearchResponse = z.object({
  items: z.array(publicSearchResultSchema),
  /** Set when no office speaks the requested language and offices in other languages are shown. */
  languageFallback: z.boolean(),
  /** The programmes suited to the given age (both near the boundary). */
  servicesForAge: z.array(serviceEnum).nullable(),
});

/** Codes with their German and English names (languages, countries). */
const namedCodes = z.object({
  items: z.array(z.object({ code: z.string(), de: z.string(), en: z.string() })),
});
export const publicLanguagesResponse = namedCodes;
export const countriesResponse = namedCodes;

// ---------------------------------------------------------------------------------------------
// Partner overview (R-DIR-1, R-DIR-3)

export const overviewQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  city: z.string().trim().min(2).max(100).optional(),
});

export const overviewOfficeSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  services: z.array(serviceEnum),
  languages: z.array(z.string()),
  accessibility: z.string().nullable(),
  onlineLinks: z.array(onlineLinkSchema),
  catchmentPostcodes: z.array(z.string()),
  catchmentMunicipalities: z.array(z.string()),
  contacts: z.array(
    z.object({
      functionTitle: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      languages: z.array(z.string()),
    }),
  ),
  hours: z.array(hoursSchema),
  upcomingExceptions: z.array(exceptionSchema),
});

export const overviewResponse = z.object({
  generatedAt: z.string(),
  /** Hours held in the signed-in person's own premises (R-DIR-3), for partners. */
  hoursInYourPremises: z.number().int(),
  offices: z.array(overviewOfficeSchema),
});

export const officeIdQuery = z.strictObject({ office: z.uuid().optional() });

// ---------------------------------------------------------------------------------------------
// Counselling hours in a partner's premises (R-DIR-3)

export const hostedHoursQuery = z.strictObject({
  week: dateField
    .optional()
    .describe('Ein Tag der ersten gezeigten Woche (JJJJ-MM-TT); ohne Angabe die laufende Woche'),
});

const cancellationSchema = z
  .object({ kind: z.enum(['closed', 'holiday']), note: z.string().nullable() })
  .nullable()
  .describe('Gesetzt, wenn die Sprechzeit an diesem Tag entfällt (Schließtag, Feiertag)');

export const hostedHoursResponse = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** Monday of the first week and Sunday of the second. */
  from: z.string(),
  until: z.string(),
  generatedAt: z.string(),
  /** The counselling services holding hours in these premises, with their weekly hours there. */
  offices: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      providerId: z.uuid(),
      providerName: z.string(),
      services: z.array(serviceEnum),
      street: z.string(),
      postcode: z.string(),
      city: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      hours: z.array(hoursSchema),
    }),
  ),
  /** Every day of the two weeks with the hours held here; cancelled hours stay, marked. */
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      slots: z.array(
        z.object({
          officeId: z.uuid(),
          officeName: z.string(),
          providerName: z.string(),
          kind: z.enum(['counselling', 'opening', 'extra']),
          service: serviceEnum.nullable(),
          opensAt: z.string(),
          closesAt: z.string(),
          room: z.string().nullable(),
          byAppointment: z.boolean(),
          note: z.string().nullable(),
          cancelled: cancellationSchema,
        }),
      ),
    }),
  ),
});
