import { fileURLToPath } from 'node:url';
import { DialtoneError } from '../../src/shared/errors.ts';
import { SUPPORTED_API_VERSIONS } from './library-route.ts';

/** Repository root (two levels above this folder). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Options of {@link ./server.ts#startLightning}; every one has a default. */
export interface LightningOptions {
  /** Port of the console; 0 (default) picks a free one. */
  port?: number;
  /**
   * Host name in the console's URL (default `localhost`). Use a `*.lightning.force.com` name
   * mapped to loopback by Chromium's `--host-resolver-rules` to run the library's strict origin
   * check; force.com is HSTS-preloaded, so that needs `https: true`.
   */
  hostName?: string;
  /** Serve https with a self-signed certificate generated at start (default false). */
  https?: boolean;
  /** Call-center definition to import (default: `callcenter-definition.xml` at the repo root). */
  callCenterXmlPath?: string;
  /** Setting values applied over the imported file, like an admin's edits (`/section/item` → value). */
  settingOverrides?: Readonly<Record<string, string>>;
  /**
   * Adapter URL to frame instead of the XML's `/reqGeneralInfo/reqAdapterUrl`. With
   * `serveAdapterDir`, a relative URL (`/?v=57`) is resolved against the adapter server.
   */
  adapterUrl?: string;
  /** A directory to serve as the adapter on its own origin (second port), e.g. `dist`. */
  serveAdapterDir?: string;
  /** Port of that adapter server; 0 (default) picks a free one. */
  adapterPort?: number;
  /** Host name of the adapter server's URL (default `localhost`). */
  adapterHostName?: string;
  /** Softphone layout fixture (default `dev/lightning/fixtures/softphone-layout.json`). */
  layoutPath?: string;
  /** Records fixture (default `dev/lightning/fixtures/records.json`). */
  recordsPath?: string;
  /** API versions the library is served for (default 38–67). */
  apiVersions?: readonly number[];
  /**
   * Dev origin allowance: the served library also accepts `localhost` / `127.0.0.1` consoles,
   * which Salesforce's never does. Default: on when `hostName` is localhost or 127.0.0.1.
   */
  allowLocalOrigins?: boolean;
}

export const DEFAULT_FIXTURES = {
  layout: fileURLToPath(new URL('./fixtures/softphone-layout.json', import.meta.url)),
  records: fileURLToPath(new URL('./fixtures/records.json', import.meta.url)),
} as const;

/** The dev origin allowance applies unless asked otherwise, on local host names only. */
export function defaultAllowLocalOrigins(hostName: string): boolean {
  return hostName === 'localhost' || hostName === '127.0.0.1';
}

export const USAGE = `Usage: npm run lightning -- [options]

Runs the Salesforce Lightning console emulator in the foreground; prints "ready <url>".

  --port N                 console port (default 0: any free port)
  --host NAME              host name in the console URL (default localhost); e.g.
                           acme.lightning.force.com with Chromium --host-resolver-rules
  --https                  serve https with a generated self-signed certificate
  --xml PATH               call-center definition (default callcenter-definition.xml)
  --set /section/item=V    override a setting after import (repeatable)
  --adapter-url URL        adapter URL to frame (default: the XML's reqAdapterUrl);
                           relative to the adapter server with --serve-adapter
  --serve-adapter DIR      also serve DIR as the adapter, on its own origin
  --adapter-port N         port of that adapter server (default 0)
  --adapter-host NAME      host name of the adapter URL (default localhost)
  --layout PATH            softphone layout fixture (JSON)
  --records PATH           records fixture (JSON)
  --api-versions LIST      served library versions, e.g. 57,62 or 38-67 (default 38-67)
  --allow-local-origins    library accepts localhost consoles (default on for localhost)
  --strict-origins         library accepts only Salesforce origins (Salesforce's real check)
  --help                   this text`;

/** Parses the CLI's arguments; throws a message naming the bad argument. */
export function parseLightningArgs(argv: readonly string[]): LightningOptions & { help?: boolean } {
  const options: LightningOptions & { help?: boolean } = {};
  const overrides: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw argError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--port':
        options.port = portNumber(flag, value());
        break;
      case '--host':
        options.hostName = value();
        break;
      case '--https':
        options.https = true;
        break;
      case '--xml':
        options.callCenterXmlPath = value();
        break;
      case '--set': {
        const assignment = value();
        const eq = assignment.indexOf('=');
        if (eq < 0 || !assignment.startsWith('/')) throw argError(`--set expects /section/item=value; received ${JSON.stringify(assignment)}`);
        overrides[assignment.slice(0, eq)] = assignment.slice(eq + 1);
        break;
      }
      case '--adapter-url':
        options.adapterUrl = value();
        break;
      case '--serve-adapter':
        options.serveAdapterDir = value();
        break;
      case '--adapter-port':
        options.adapterPort = portNumber(flag, value());
        break;
      case '--adapter-host':
        options.adapterHostName = value();
        break;
      case '--layout':
        options.layoutPath = value();
        break;
      case '--records':
        options.recordsPath = value();
        break;
      case '--api-versions':
        options.apiVersions = apiVersionList(value());
        break;
      case '--allow-local-origins':
        options.allowLocalOrigins = true;
        break;
      case '--strict-origins':
        options.allowLocalOrigins = false;
        break;
      default:
        throw argError(`unknown option ${JSON.stringify(flag)}`);
    }
  }
  if (Object.keys(overrides).length > 0) options.settingOverrides = overrides;
  return options;
}

function portNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw argError(`${flag} expects a port number 0-65535; received ${JSON.stringify(text)}`);
  return n;
}

/** `57,62` or `38-67` (or a mix) → sorted distinct versions within 38–67. */
export function apiVersionList(text: string): number[] {
  const versions = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^\s*(\d+)(?:\.0)?\s*(?:-\s*(\d+)(?:\.0)?\s*)?$/.exec(part);
    if (!range) throw argError(`--api-versions expects versions like 57,62 or 38-67; received ${JSON.stringify(part)}`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < SUPPORTED_API_VERSIONS.min || to > SUPPORTED_API_VERSIONS.max || from > to) {
      throw argError(`--api-versions: ${part.trim()} is outside ${SUPPORTED_API_VERSIONS.min}-${SUPPORTED_API_VERSIONS.max}`);
    }
    for (let v = from; v <= to; v++) versions.add(v);
  }
  return [...versions].sort((a, b) => a - b);
}

function argError(message: string): DialtoneError<'BAD_ARGUMENT'> {
  return new DialtoneError('BAD_ARGUMENT', `lightning: ${message}. Run with --help for the options.`);
}
