import { z } from 'zod';
import type { App } from '../../http/app.ts';
import type { AppDeps } from '../../http/request-context.ts';
import { ping } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';

/** GET /api/health: the server answers and the database is reachable. */
export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['System'],
        summary: 'Betriebszustand',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      if (!(await ping(deps.db))) throw new AppError('service_unavailable');
      return { status: 'ok' as const, database: 'up' };
    },
  );
}
