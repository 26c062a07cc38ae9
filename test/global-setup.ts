import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openPglite } from '../src/server/db/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

/**
 * Migrates one embedded database per test run and hands its dump to every suite, which then
 * starts from a fresh copy in memory (a new instance costs seconds, a copy about one).
 * With TEST_DATABASE_URL each suite makes its own database on that server instead.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koop-test-'));
  const dumpPath = path.join(dir, 'migrated.tar.gz');
  if (!process.env.TEST_DATABASE_URL) {
    const database = await openPglite({});
    await migrateToLatest(database.db);
    const dump = await database.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('pgliteDump', dumpPath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
