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
          // CI shares 2 cores with other CPU-heavy work, which makes tests 3-4× slower than on an
          // idle machine: vitest's 5 s default failed an Apex parse that took 5.5 s. CPU-heavy
          // tests also carry their own budget (test/support/budgets.ts).
          testTimeout: 15_000,
          hookTimeout: 30_000,
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
