import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koop-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts another process that takes the lock and keeps it until killed. */
function holdLockInChild(dataDir: string): Promise<{ kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./src/server/db/database.ts').then(m => { m.lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000); })`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) {
        resolve({
          kill: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGKILL'))),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited early: ${code}`)));
  });
}

describe('the embedded data directory is locked against a second process', () => {
  it('a second opener stops with a clear message instead of silently losing data', async () => {
    const dataDir = path.join(dir, 'data');
    const holder = await holdLockInChild(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dataDir)).toThrow(/bereits von einem anderen Koop-Prozess/);
    } finally {
      await holder.kill();
    }
    // The holder died without cleaning up: its stale lock is taken over.
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
