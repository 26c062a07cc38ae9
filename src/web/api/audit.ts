import type { z } from 'zod';
import type { auditQuery } from '../../server/modules/audit/audit.routes.ts';
import { api } from './client.ts';
import type { AuditEntry, Page } from './types.ts';

/** The filters of the log, as the server reads them (dates ISO date-times); each may be left out. */
export type AuditQuery = Partial<z.output<typeof auditQuery>>;

/** The append-only audit log. */
export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/api/audit', { query: { ...query }, signal }),
};
