// Renders Typst documents off the main thread: one compiler with the fonts the main thread names,
// one document per message. Plain JavaScript, so the same file runs beside the sources and beside
// the server bundle (scripts/start.mjs copies it next to dist/server/main.js).
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const compiler = NodeCompiler.create({
  fontArgs: [{ fontBlobs: workerData.fonts.map((file) => fs.readFileSync(file)) }],
});

parentPort.on('message', ({ id, template, data }) => {
  try {
    const pdf = compiler.pdf({ mainFileContent: template, inputs: { data } });
    parentPort.postMessage({ id, pdf });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    // Every client document differs: keep only recently used layouts (see typst.ts).
    compiler.evictCache(workerData.cacheMaxAge);
  }
});
