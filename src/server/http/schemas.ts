import { z } from 'zod';

/** Shared pieces of request and response schemas. */

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/** The problem responses every authenticated operation may give. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
} as const;

export const idParams = z.strictObject({ id: z.uuid() });

export const paginationQuery = {
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** A list page: the items and how many there are in all. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** Optimistic concurrency: every change names the version it was based on. */
export const versionField = { version: z.number().int().positive() };

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const emailField = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const postcodeField = z
  .string()
  .trim()
  .regex(/^[0-9]{5}$/, 'Bitte eine fünfstellige Postleitzahl angeben.');

export const isoDate = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
