/** The command line of `dialtone-admin`: a command, an action, and --flags (some repeatable). */
import { AdminError } from './errors.ts';

export interface Parsed {
  command: string;
  action: string | undefined;
  flags: Map<string, string[]>;
  json: boolean;
}

/** Flags that take no value. */
const BOOLEAN = new Set(['json', 'dry-run', 'no-apex', 'skip-tests', 'i-understand-password-login', 'help']);
/** Flags that take a value, per command ('*' = every command). */
const VALUED: Readonly<Record<string, readonly string[]>> = {
  '*': ['org'],
  auth: ['alias', 'login-url', 'client-id', 'port', 'username', 'key-file', 'sf-org', 'password-env', 'client-secret-env'],
  check: ['xml', 'set', 'settings'],
  deploy: ['xml', 'set', 'settings', 'apex-dir', 'utility-bar'],
  users: ['username', 'profile', 'permission-set', 'call-center'],
  doctor: ['call-center', 'apex-dir'],
};
const BOOLEAN_FOR: Readonly<Record<string, readonly string[]>> = {
  '*': ['json', 'help'],
  auth: ['i-understand-password-login'],
  deploy: ['dry-run', 'no-apex'],
  doctor: ['skip-tests'],
};

export function parseArgs(argv: readonly string[]): Parsed {
  const [command = 'help', ...rest] = argv;
  const flags = new Map<string, string[]>();
  let action: string | undefined;
  const valued = [...(VALUED['*'] ?? []), ...(VALUED[command] ?? [])];
  const booleans = [...(BOOLEAN_FOR['*'] ?? []), ...(BOOLEAN_FOR[command] ?? [])];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      if (action !== undefined) throw new AdminError('BAD_USAGE', `Unexpected argument ${JSON.stringify(arg)} after ${command} ${action}.`, `Run dialtone-admin help ${command}.`);
      action = arg;
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name) && BOOLEAN.has(name)) {
      flags.set(name, ['true']);
      continue;
    }
    if (!valued.includes(name)) throw new AdminError('BAD_USAGE', `Unknown option --${name} for ${command}.`, `Run dialtone-admin help ${command} for its options.`);
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new AdminError('BAD_USAGE', `--${name} needs a value.`, `Run dialtone-admin help ${command}.`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { command, action, flags, json: flags.has('json') };
}

export const one = (p: Parsed, name: string): string | undefined => p.flags.get(name)?.at(-1);
export const all = (p: Parsed, name: string): string[] => p.flags.get(name) ?? [];
export function required(p: Parsed, name: string, hint: string): string {
  const v = one(p, name);
  if (v === undefined || v === '') throw new AdminError('BAD_USAGE', `${p.command}${p.action ? ` ${p.action}` : ''} needs --${name}.`, hint);
  return v;
}

/** `--set item=value` pairs. */
export function setPairs(p: Parsed): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of all(p, 'set')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new AdminError('BAD_USAGE', `--set expects item=value (or /section/item=value); received ${JSON.stringify(pair)}.`, 'e.g. --set neoApiUrl=https://neotel.acme.com/neoapi/webservice.asmx');
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
