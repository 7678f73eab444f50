#!/usr/bin/env node
// The README's test command (`npm test`): every check the project has, in one run, always inside a
// loopback-only network namespace. Prints a closing line `N passed, N failed[, N skipped]`.
//
//   npm test                 static checks, build, unit and end-to-end tests
//   npm test -- --only unit  one stage: static | unit | e2e
//   npm test -- e2e/boot     extra arguments are passed to vitest as filters
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needsBrowser = !process.argv.includes('--only') || ['e2e'].includes(process.argv[process.argv.indexOf('--only') + 1]);

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  // Outside the namespace (apt needs the package mirror): make sure Debian's Chromium is there.
  if (needsBrowser && !existsSync(CHROMIUM)) {
    if (process.getuid?.() === 0) {
      console.log(`Chromium is missing at ${CHROMIUM}: installing Debian's package…`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      const install = update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env })
        : update;
      if (install.status !== 0) {
        console.error('Could not install chromium with apt-get; install it by hand (apt-get install chromium).');
        console.error('0 passed, 1 failed');
        process.exit(1);
      }
    } else {
      console.error(`Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium`);
      console.error('(or set CHROMIUM_PATH). A browser downloaded by Playwright does not work on these machines.');
      console.error('0 passed, 1 failed');
      process.exit(1);
    }
  }
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  if (r.error) {
    console.error(`Could not enter the loopback-only network namespace: ${r.error.message}`);
    console.error('0 passed, 1 failed');
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
// Without --only, onlyIndex + 1 is 0: keep every argument (the first filter used to be dropped).
const filters = onlyIndex >= 0 ? args.filter((a, i) => i !== onlyIndex && i !== onlyIndex + 1) : args;
const wants = (stage) => only === undefined || only === stage;

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, cmd, cmdArgs) {
  console.log(`\n▶ ${name}: ${cmd} ${cmdArgs.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, cmd, cmdArgs) {
  if (step(name, cmd, cmdArgs)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

if (wants('static')) {
  check('typecheck', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  check('lint', npx('eslint'), ['.', '--max-warnings', '0']);
  check('boundaries', npx('depcruise'), ['src', 'dev', '--config', '.dependency-cruiser.cjs']);
  check('bundle size', process.execPath, ['--import', 'tsx', 'scripts/check-bundle-size.ts']);
  check('slds icons', process.execPath, ['--import', 'tsx', 'scripts/slds-icons.ts', '--check']);
}

const projects = [];
if (wants('unit')) projects.push('unit');
if (wants('e2e')) {
  if (step('build', npx('vite'), ['build', '--logLevel', 'warn'])) projects.push('e2e');
  else {
    failed++;
    failures.push('build (the end-to-end tests need dist/)');
  }
}

if (projects.length > 0) {
  mkdirSync('.tmp', { recursive: true });
  const report = join('.tmp', 'vitest-report.json');
  rmSync(report, { force: true });
  const vitestOk = step('tests', npx('vitest'), [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...filters,
  ]);
  const failuresBefore = failures.length;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    for (const file of json.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'failed') failures.push(`${t.ancestorTitles.join(' › ')} › ${t.title}`);
      }
      // A file that failed with none of its tests failed: it failed outside them (a beforeAll or an
      // import), and vitest lists its tests as skipped. It counts as one failure.
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
        failed++;
        failures.push(`${file.name}: ${String(file.message).split('\n')[0] || 'failed outside its tests (see the output above)'}`);
      }
    }
    // vitest said it failed but the report names nothing (an unhandled error between tests).
    if (!vitestOk && failures.length === failuresBefore) {
      failed++;
      failures.push('vitest exited with a failure the report does not attribute to a test (see its output above)');
    }
  } catch (error) {
    failed++;
    failures.push(`vitest produced no report (${error.message})`);
  }
}

if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
