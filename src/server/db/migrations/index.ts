import type { Migration } from 'kysely';
import * as m0001 from './0001_create_foundation.ts';

/** Every migration, in order. Add new files here; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_create_foundation': m0001,
};
