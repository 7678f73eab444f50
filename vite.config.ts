import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/** Where index.html asks for the Open CTI preload; replaced by the bundled `src/opencti/preload.ts`. */
const PRELOAD_MARK = '<!-- dialtone:opencti-preload -->';

/**
 * Inlines `src/opencti/preload.ts` (and the origin gate it shares with the loader) into
 * index.html as a classic script, so the preload starts before the module bundle arrives and
 * applies exactly the loader's origin rule (docs/security.md, "Who may frame the adapter").
 */
function openCtiPreload(): Plugin {
  return {
    name: 'dialtone-opencti-preload',
    async transformIndexHtml(html) {
      if (!html.includes(PRELOAD_MARK)) throw new Error(`index.html lost its ${PRELOAD_MARK} marker: the Open CTI preload would silently disappear.`);
      const result = await build({
        entryPoints: ['src/opencti/preload.ts'],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        legalComments: 'none',
      });
      const code = result.outputFiles[0]?.text.trim();
      if (code === undefined || code.includes('</script')) throw new Error('esbuild gave no usable code for src/opencti/preload.ts');
      return html.replace(PRELOAD_MARK, `<script>${code}</script>`);
    },
  };
}

/**
 * Builds the adapter page (index.html + src/main.ts) into dist/, with public/ (trusted-origins.json)
 * copied next to it.
 * `base: './'` keeps every asset URL relative, so the adapter works wherever the admin hosts it
 * (the contact-center app server, a sub-path, or the dev servers).
 */
export default defineConfig({
  base: './',
  plugins: [openCtiPreload()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    reportCompressedSize: true,
  },
});
