// `npm start`: builds what is missing or older than its sources — the browser UI (Vite) and the
// server (one esbuild bundle, so start-up does not transpile TypeScript) — then runs the server.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const stale = (output, ...sources) => {
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  return sources.some((source) => fs.existsSync(source) && newestMtime(source) > built);
};

if (stale(at('dist/web/index.html'), at('src/web'))) {
  console.error('Koop: Oberfläche wird gebaut …');
  const result = spawnSync(
    process.execPath,
    [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverBundle = at('dist/server/main.js');
if (stale(serverBundle, at('src/server'))) {
  console.error('Koop: Server wird gebaut …');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [at('src/server/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
// The render thread of the documents is plain JavaScript beside the bundle (documents/typst.ts).
const renderWorker = at('dist/server/typst-worker.mjs');
const renderWorkerSource = at('src/server/documents/typst-worker.mjs');
if (
  !fs.existsSync(renderWorker) ||
  fs.statSync(renderWorkerSource).mtimeMs > fs.statSync(renderWorker).mtimeMs
) {
  fs.copyFileSync(renderWorkerSource, renderWorker);
}

// A larger young generation: a request allocates many short-lived objects (rows, query trees,
// JSON), and fewer scavenges cost less CPU per request (npm run bench -- W1 runs with the same).
const server = spawn(process.execPath, ['--enable-source-maps', '--max-semi-space-size=64', serverBundle], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
