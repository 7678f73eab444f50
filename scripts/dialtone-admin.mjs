#!/usr/bin/env node
// The `dialtone-admin` bin: runs cli/admin/main.ts through tsx (a dependency of the checkout).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli/admin/main.ts');
const status = await run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  tty: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
process.stdout.write('', () => process.exit(status));
