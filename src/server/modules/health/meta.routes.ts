import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { legalTerms } from '../../terms.ts';

const termSchema = z.object({
  de: z.string(),
  en: z.string(),
  validFrom: z.string(),
  formerly: z.array(z.string()).readonly(),
  basis: z.string(),
});

/** GET /api/meta/terms: the current legal terms, so the UI never hard-codes them. */
export function registerMetaRoutes(app: App): void {
  app.get(
    '/api/meta/terms',
    {
      config: { public: true },
      schema: {
        tags: ['System'],
        summary: 'Aktuelle Rechtsbegriffe',
        response: { 200: z.record(z.string(), termSchema) },
      },
    },
    () => legalTerms,
  );
}
