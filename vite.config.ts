import { build, transformSync } from 'esbuild';
import MagicString from 'magic-string';
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
 * Starts fetching the browser language's catalogue (src/i18n/{es,pt,en}.ts, each its own chunk)
 * from index.html, beside the start-up bundle, instead of when the bundle has run: `ready` draws
 * the login form in it (docs/benchmarks.md, "Eleventh pass"). The language is picked as
 * `resolveLanguage(undefined, navigator.languages)` picks it (src/i18n/languages.ts).
 */
function cataloguePreload(): Plugin {
  return {
    name: 'dialtone-catalogue-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const files: Record<string, string> = {};
        for (const chunk of Object.values(ctx.bundle ?? {})) {
          const language = chunk.type === 'chunk' ? /\/src\/i18n\/(es|pt|en)\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
          if (language !== undefined) files[language] = chunk.fileName;
        }
        if (Object.keys(files).length !== 3) throw new Error(`expected the es, pt and en catalogues as chunks of their own; found ${JSON.stringify(files)}`);
        const code = `(()=>{const f=${JSON.stringify(files)},l=[...navigator.languages].map((t)=>t.toLowerCase().split("-")[0]).find((t)=>t in f)||"es",k=document.createElement("link");k.rel="modulepreload";k.href="./"+f[l];document.head.append(k)})()`;
        return html.replace('</head>', `<script>${code}</script></head>`);
      },
    },
  };
}

/** A Lit `css` template without interpolations or escapes (those are left as written). */
const PLAIN_CSS_TEMPLATE = /\bcss`((?:[^`\\$]|\$(?!\{))*)`/g;

/**
 * Minifies the CSS of Lit's `css` templates in src/ for the build: the JS minifier keeps a
 * template's text as written (indentation, newlines, comments), which was ~1 KB gzip of what the
 * page fetches before REGISTER 200 (docs/benchmarks.md, "Tenth pass (e)"). esbuild's own CSS
 * minifier, no target, so nothing is lowered; a template it cannot parse fails the build.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'dialtone-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = new MagicString(code);
      for (const match of code.matchAll(PLAIN_CSS_TEMPLATE)) {
        const body = match[1] ?? '';
        const min = transformSync(body, { loader: 'css', minify: true, logLevel: 'silent', sourcefile: id }).code.trim();
        if (min.includes('`') || min.includes('\\') || min.includes('${')) throw new Error(`${id}: the minified CSS of a css\`…\` template holds a backtick, backslash or \${; expected plain CSS.`);
        const start = match.index + 'css`'.length;
        out.overwrite(start, start + body.length, min);
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: 'boundary', source: id }) } : null;
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
  plugins: [openCtiPreload(), minifyLitCss(), cataloguePreload()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    reportCompressedSize: true,
    // No modulepreload polyfill in the entry (~0.4 KB gzip before REGISTER 200): every browser
    // Lightning supports preloads modules natively, and one that did not would only fetch the
    // entry's imports when it reads them (docs/benchmarks.md, "Tenth pass (e)").
    modulePreload: { polyfill: false },
  },
});
