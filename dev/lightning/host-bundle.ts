import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HOST_DIR = fileURLToPath(new URL('./host/', import.meta.url));
let bundle: Promise<string> | undefined;

/**
 * The host page's script: `host/main.ts` and what it imports, bundled by esbuild once per
 * process (a few tens of milliseconds) so the browser code is type-checked TypeScript.
 */
export function hostScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [`${HOST_DIR}main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for dev/lightning/host/main.ts');
    return file.text;
  });
  return bundle;
}

/** The host page's HTML and CSS (static files next to the script). */
export function hostAsset(name: 'index.html' | 'host.css'): string {
  return readFileSync(`${HOST_DIR}${name}`, 'utf8');
}
