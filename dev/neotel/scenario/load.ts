/**
 * Loading a scenario: from a file, from an object, or the default one next to this file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.ts';

/** Path of the default scenario. */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL('./default.json', import.meta.url));

/** A scenario that failed validation; `problems` lists every issue with its path. */
export class ScenarioError extends Error {
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`Invalid Neotel scenario ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** `campaigns[1].transfers[0].number` from a zod path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(root)' : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

/** One zod issue as `path: message (received value)`, for messages that name field, value and expectation. */
export function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  const received = valueAt(input, issue.path);
  const shown = received === undefined ? 'nothing' : JSON.stringify(received).slice(0, 80);
  return `${formatIssuePath(issue.path)}: ${issue.message} (received ${shown})`;
}

/** Validates a scenario object; throws {@link ScenarioError} naming every bad path. */
export function parseScenario(input: unknown, source = '(object)'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(source, result.error.issues.map((issue) => describeIssue(input, issue)));
  return result.data;
}

/** Reads and validates a scenario file (JSON). */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(path, [`not JSON: ${(error as Error).message}`]);
  }
  return parseScenario(json, path);
}

/** The default scenario (dev/neotel/scenario/default.json). */
export function loadDefaultScenario(): Scenario {
  return loadScenarioFile(DEFAULT_SCENARIO_PATH);
}
