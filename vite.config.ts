import { defineConfig } from 'vite';

/**
 * Builds the adapter page (index.html + src/main.ts) into dist/.
 * `base: './'` keeps every asset URL relative, so the adapter works wherever the admin hosts it
 * (the contact-center app server, a sub-path, or the dev servers).
 */
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    reportCompressedSize: true,
  },
});
