import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** API versions Salesforce serves the Lightning library for (38.0 = Winter '17 … 67.0). */
export const SUPPORTED_API_VERSIONS = { min: 38, max: 67 } as const;

const LIBRARY_PATH = /^\/support\/api\/(\d+)\.0\/lightning\/(opencti_min|opencti)\.js$/;
const TEMPLATE = fileURLToPath(new URL('./library/opencti.js', import.meta.url));
let template: string | undefined;

/** The library text for API version `apiVersion`, with the emulator's settings baked in. */
export function libraryText(apiVersion: number, allowLocalOrigins: boolean): string {
  template ??= readFileSync(TEMPLATE, 'utf8');
  return template.replace('__OPENCTI_CONFIG__', JSON.stringify({ apiVersion, allowLocalOrigins }));
}

/**
 * Resolves a request path to the library version it asks for: a number when the path is the
 * library's and the version is served, an error text for a library path with a bad version,
 * `undefined` for any other path.
 */
export function libraryVersionFor(pathname: string, served: readonly number[]): number | { error: string } | undefined {
  const match = LIBRARY_PATH.exec(pathname);
  if (!match) return undefined;
  const version = Number(match[1]);
  if (version < SUPPORTED_API_VERSIONS.min || version > SUPPORTED_API_VERSIONS.max || !served.includes(version)) {
    return {
      error:
        `Open CTI for Lightning is not served for API version ${match[1]}.0: ` +
        `this emulator serves ${describeVersions(served)} (Lightning methods exist from ${SUPPORTED_API_VERSIONS.min}.0).`,
    };
  }
  return version;
}

/** Every version from 38 to 67. */
export function allApiVersions(): number[] {
  return Array.from({ length: SUPPORTED_API_VERSIONS.max - SUPPORTED_API_VERSIONS.min + 1 }, (_, i) => SUPPORTED_API_VERSIONS.min + i);
}

function describeVersions(versions: readonly number[]): string {
  const sorted = [...versions].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return 'no version';
  return last - first + 1 === sorted.length ? `${first}.0–${last}.0` : sorted.map((v) => `${v}.0`).join(', ');
}
