import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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
