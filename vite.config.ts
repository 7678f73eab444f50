import { build } from 'esbuild';
import { defineConfig, type Plugin, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

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

/** The chunks a Salesforce panel always needs right after the start-up bundle, in the order it asks for them. */
const PANEL_CHUNKS = ['src/app/agent-session.ts', 'src/sip/sip-phone.ts'];

/**
 * Lets a panel framed by Salesforce fetch the agent session and sip.js chunks beside the start-up
 * bundle instead of after it: the start-up bundle's `import()` of them only runs once it has been
 * fetched, compiled and run (~0.2 s at load), and `ready` waits for the session chunk (issue 18,
 * docs/benchmarks.md "Seventh pass"). A classic script adds `modulepreload` links for them and
 * their own static imports, only in a frame whose URL carries Salesforce's `sfdcIframeOrigin`:
 * the phone-link and phone-window pages (top-level) fetch nothing more than before. Preloading
 * runs nothing: the loader's origin check still decides whether the code runs. The build fails if a chunk is not found, rather than silently
 * preloading nothing.
 */
function panelChunkPreload(): Plugin {
  return {
    name: 'dialtone-panel-chunk-preload',
    transformIndexHtml(html, ctx) {
      const bundle: OutputBundle | undefined = ctx.bundle;
      if (bundle === undefined) return html;
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      const eager = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
      const files: string[] = [];
      const add = (fileName: string): void => {
        if (eager.has(fileName) || files.includes(fileName)) return;
        files.push(fileName);
        const file = bundle[fileName];
        for (const imported of file?.type === 'chunk' ? file.imports : []) add(imported);
      };
      for (const source of PANEL_CHUNKS) {
        const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(source) === true);
        if (chunk === undefined) throw new Error(`no chunk for ${source}: the panel's modulepreload list (vite.config.ts, PANEL_CHUNKS) is stale`);
        add(chunk.fileName);
      }
      const hrefs = JSON.stringify(files.map((file) => `./${file}`));
      const script = `<script>if(window.parent!==window&&/[?&]sfdcIframeOrigin=/.test(location.search))for(const href of ${hrefs}){const l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=href;document.head.appendChild(l)}</script>`;
      return html.replace('</head>', `    ${script}\n  </head>`);
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
  plugins: [openCtiPreload(), panelChunkPreload()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    reportCompressedSize: true,
  },
});
