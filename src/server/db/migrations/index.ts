import type { Migration } from 'kysely';
import * as m0001 from './0001_create_foundation.ts';
import * as m0002 from './0002_allow_operator_scope_on_offices.ts';

/** Every migration, in order. Add new files here; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_create_foundation': m0001,
  '0002_allow_operator_scope_on_offices': m0002,
};
