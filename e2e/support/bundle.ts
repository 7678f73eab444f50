/**
 * Bundles one TypeScript entry for a test page with esbuild, with the repository's tsconfig (the
 * components need `experimentalDecorators` and `useDefineForClassFields: false`, as in the real
 * build). Returns the ES module text.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

export async function bundleEntry(entry: string, options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: options.minify ?? false,
    write: false,
    logLevel: 'silent',
    tsconfig: TSCONFIG,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}
