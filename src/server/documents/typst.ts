import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/**
 * PDF documents from Typst templates. Data goes in as JSON through `sys.inputs.data` and the
 * template reads it with `json(bytes(sys.inputs.data))`, so user text always stays text: it is
 * never pasted into markup. Fonts: Noto Sans (Latin, Cyrillic, Greek) and Noto Sans Arabic, so
 * German, Ukrainian, Russian, Turkish, Arabic and Farsi render, right-to-left included.
 */

const require = createRequire(import.meta.url);

const fontFiles = [
  ['@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'],
  ['@expo-google-fonts/noto-sans', '400Regular_Italic/NotoSans_400Regular_Italic.ttf'],
  ['@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'],
  ['@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'],
  ['@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'],
] as const;

function fontPath(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

let compiler: NodeCompiler | undefined;

/** One compiler per process: creating it loads the fonts (about 0.2 s). */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({
    fontArgs: [{ fontBlobs: fontFiles.map(([pkg, file]) => fs.readFileSync(fontPath(pkg, file))) }],
  });
  return compiler;
}

/** The font list every template sets: Latin first, Arabic script as fallback. */
export const typstFonts = '("Noto Sans", "Noto Sans Arabic")';

/**
 * Renders a Typst template with `data` available as JSON in `sys.inputs.data`. The compiler keeps
 * the layout of every document it rendered; each client document is different, so without
 * eviction a long-running server would grow by megabytes per document. Entries not used in the
 * last few compilations are dropped after each render (the fonts stay loaded).
 */
export function renderTypstPdf(template: string, data: unknown): Buffer {
  const compiler = typst();
  try {
    return compiler.pdf({ mainFileContent: template, inputs: { data: JSON.stringify(data) } });
  } finally {
    compiler.evictCache(cacheMaxAge);
  }
}

/** How many compilations a cached layout survives unused. */
const cacheMaxAge = 10;

const workerFile = new URL('./typst-worker.mjs', import.meta.url);

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: { thread: Worker; pending: Map<number, Pending>; next: number } | null | undefined;

/** The render thread, started on first use; null where its file is not beside this module. */
function renderThread() {
  if (worker !== undefined) return worker;
  if (!fs.existsSync(fileURLToPath(workerFile))) return (worker = null);
  const thread = new Worker(workerFile, {
    workerData: { fonts: fontFiles.map(([pkg, file]) => fontPath(pkg, file)), cacheMaxAge },
  });
  // Rendering never keeps the process alive on its own.
  thread.unref();
  const state = { thread, pending: new Map<number, Pending>(), next: 1 };
  thread.on('message', (message: { id: number; pdf?: Uint8Array; error?: string }) => {
    const job = state.pending.get(message.id);
    if (!job) return;
    state.pending.delete(message.id);
    if (message.pdf)
      job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
    else job.reject(new Error(message.error ?? 'Typst rendering failed'));
  });
  const fail = (error: Error) => {
    for (const job of state.pending.values()) job.reject(error);
    state.pending.clear();
    // The next document starts a new thread.
    if (worker === state) worker = undefined;
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`Typst render thread ended (${code})`)));
  return (worker = state);
}

/**
 * Renders like `renderTypstPdf`, on a thread of its own: the request's event loop goes on
 * answering other requests while the document is set (the disclosure's client copy is rendered
 * this way, inside its transaction). Without the thread's file it renders in place.
 */
export function renderTypstPdfOffThread(template: string, data: unknown): Promise<Buffer> {
  const state = renderThread();
  if (!state) return Promise.resolve(renderTypstPdf(template, data));
  const id = state.next++;
  return new Promise<Buffer>((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.thread.postMessage({ id, template, data: JSON.stringify(data) });
  });
}
