import { defineConfig } from 'vitest/config';

/**
 * Two projects, one runner:
 *  - unit: pure modules and adapters against fakes (fast, parallel);
 *  - e2e:  real Chromium (Debian's /usr/bin/chromium through playwright-core) against the dev/
 *          stand-ins. Run only inside the loopback-only namespace (scripts/test.mjs does that).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
