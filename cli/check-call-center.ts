/**
 * `npm run check-call-center -- [file.xml] [--set /section/item=value …] [--settings]`
 *
 * Checks a call-center definition before an admin imports it into Salesforce, with the same code
 * the adapter and the Lightning emulator use: first the rules Salesforce enforces on import, then
 * what Dialtone needs at run time (as if the admin had typed the `--set` values in Setup).
 * Exit status: 0 when both pass, 1 when the import would be refused or the softphone would show
 * its configuration panel, 2 for bad arguments.
 */
import { readFileSync } from 'node:fs';
import { validateCallCenterXml } from '../src/config/call-center-xml.ts';
import { decodeXmlBytes } from '../src/config/xml-encoding.ts';
import { validateConfig, type ConfigIssue } from '../src/config/index.ts';

export interface CheckArguments {
  file: string;
  overrides: Record<string, string>;
  printSettings: boolean;
}

export const USAGE = 'Usage: npm run check-call-center -- [file.xml] [--set /section/item=value …] [--settings]';

/** Parses the command line; throws an Error naming the bad argument. */
export function parseCheckArguments(argv: readonly string[]): CheckArguments {
  const args: CheckArguments = { file: 'callcenter-definition.xml', overrides: {}, printSettings: false };
  let fileSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--settings') args.printSettings = true;
    else if (arg === '--set') {
      const pair = argv[++i] ?? '';
      const eq = pair.indexOf('=');
      if (!pair.startsWith('/') || eq < 0) throw new Error(`--set expects /section/item=value, got ${JSON.stringify(pair)}.`);
      args.overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg.startsWith('-')) throw new Error(`Unknown option ${JSON.stringify(arg)}. ${USAGE}`);
    else if (fileSeen) throw new Error(`Only one file can be checked at a time; got ${JSON.stringify(args.file)} and ${JSON.stringify(arg)}.`);
    else {
      args.file = arg;
      fileSeen = true;
    }
  }
  return args;
}

/** One issue as a line an admin can act on. */
export function formatIssue(file: string, issue: ConfigIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  return `${where}: ${issue.message}`;
}

/** Connection settings whose host is still the shipped `example.com` placeholder. */
export function placeholderSettings(settings: Readonly<Record<string, string>>): string[] {
  return Object.keys(settings).filter((path) => {
    // Item values only: `/section/item`, not their `/label` and `/sortOrder` companions.
    const isValue = path.split('/').length === 3;
    if (!isValue || (!path.startsWith('/neotelConnection/') && path !== '/reqGeneralInfo/reqAdapterUrl')) return false;
    return /(^|[./])example\.com(?=$|[:/])/u.test(settings[path] ?? '');
  });
}

/** Runs the check and returns the exit status; writes to the given sinks. */
export function checkCallCenter(args: CheckArguments, out: (line: string) => void, err: (line: string) => void): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch (error) {
    err(`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  // Decoded with the encoding the file declares, as Salesforce's importer does (not always UTF-8).
  const decoded = decodeXmlBytes(bytes);
  const imported = decoded.ok ? validateCallCenterXml(decoded.text) : decoded;
  if (!imported.ok) {
    err(`Salesforce would refuse to import ${args.file} (${imported.errors.length} problem${imported.errors.length === 1 ? '' : 's'}):`);
    for (const issue of imported.errors) err(`  ${formatIssue(args.file, issue)}`);
    return 1;
  }
  const settings = { ...imported.settings, ...args.overrides };
  if (args.printSettings) out(JSON.stringify(settings, null, 2));
  const config = validateConfig(settings);
  if (!config.ok) {
    err(`${args.file} imports, but the softphone would not start until these settings are fixed in Setup (or given with --set):`);
    for (const issue of config.errors) err(`  ${formatIssue(args.file, issue)}`);
    return 1;
  }
  for (const path of placeholderSettings(settings)) {
    err(`  warning: ${path} still points at the example.com placeholder (${settings[path] ?? ''}); set your Neotel server's address.`);
  }
  out(`${args.file}: imports into Salesforce and configures the softphone (${Object.keys(settings).length} settings).`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  let status: number;
  try {
    status = checkCallCenter(parseCheckArguments(process.argv.slice(2)), console.log, console.error);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    status = 2;
  }
  process.exit(status);
}
