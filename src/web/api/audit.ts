import { api } from './client.ts';
import type { AuditEntry, Page } from './types.ts';

export interface AuditQuery {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO date-time. */
  from?: string;
  /** ISO date-time. */
  to?: string;
  offset?: number;
  limit?: number;
}

/** The append-only audit log. */
export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/api/audit', { query: { ...query }, signal }),
};
