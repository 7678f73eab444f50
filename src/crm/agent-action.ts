/**
 * Agent actions (docs/agent-actions.md): buttons an administrator defines that run a Neotel
 * task (`ExecuteTaskNN`) with values taken from the call. Pure: the placeholders the parameters
 * may use, filling them from the call, and reading what the task answered.
 */

import type { ActionPlaceholder } from '../config/desk-actions-types.ts';

export type { ActionMoment, ActionPlaceholder } from '../config/desk-actions-types.ts';

/** The values available now (`null` = this call has none). */
export type ActionValues = Readonly<Record<ActionPlaceholder, string | null>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The parameters with the call's values, or the placeholders the call has no value for. */
export function fillParams(templates: readonly string[], values: ActionValues): { readonly ok: true; readonly params: readonly string[] } | { readonly ok: false; readonly missing: readonly ActionPlaceholder[] } {
  const missing = new Set<ActionPlaceholder>();
  const params = templates.map((template) =>
    template.replace(PLACEHOLDER, (_match, name: string) => {
      const value = values[name as ActionPlaceholder];
      if (value === null || value === '') missing.add(name as ActionPlaceholder);
      return value ?? '';
    }),
  );
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, params };
}

/** What a task answered, for the agent: its `Message` and whether it said `Status=false`. */
export function readTaskAnswer(answer: string | boolean | null): { readonly ok: boolean; readonly text: string } {
  if (typeof answer !== 'string' || answer.trim() === '') return { ok: true, text: '' };
  try {
    const parsed: unknown = JSON.parse(answer);
    const row: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
    if (typeof row === 'object' && row !== null) {
      const record = row as Record<string, unknown>;
      const rawStatus = record.Status ?? record.status;
      const status = typeof rawStatus === 'string' || typeof rawStatus === 'boolean' ? String(rawStatus).toLowerCase() : 'true';
      const message = record.Message ?? record.message;
      const text = typeof message === 'string' ? message : JSON.stringify(row);
      return { ok: status !== 'false', text: text.slice(0, 300) };
    }
  } catch {
    // Not JSON: a task may answer plain text; shown as it is.
  }
  return { ok: true, text: answer.slice(0, 300) };
}
