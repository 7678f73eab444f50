import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DialtoneError } from '../../../src/shared/errors.ts';

/**
 * The softphone layout (Setup → Softphone Layouts) as `getSoftphoneLayout` returns it: per call
 * type, the objects searched with their display fields, and — Inbound only in Salesforce's
 * editor — what to pop on no / single / multiple matches.
 */

const popRule = z.object({
  screenPopType: z.enum(['PopToEntity', 'PopToVisualforce', 'PopToSearch', 'PopToFlow']),
  screenPopData: z.string().optional(),
});

const callTypeLayout = z.object({
  callRelatedFields: z.array(z.enum(['ANI', 'DNIS', 'SEGMENT', 'QUEUE'])),
  objects: z.record(z.string(), z.array(z.object({ displayName: z.string(), apiName: z.string() }))),
  screenPopSettings: z.object({
    screenPopsOpenWithin: z.enum(['ExistingWindow', 'NewWindow']).optional(),
    NoMatch: popRule.optional(),
    SingleMatch: popRule.optional(),
    MultipleMatches: popRule.optional(),
  }),
});

const layoutSchema = z.object({ Inbound: callTypeLayout, Outbound: callTypeLayout, Internal: callTypeLayout });

export type ScreenPopRule = z.infer<typeof popRule>;
export type CallTypeLayout = z.infer<typeof callTypeLayout>;
export type SoftphoneLayout = z.infer<typeof layoutSchema>;
export type LayoutCallType = keyof SoftphoneLayout;

/** Validates a layout object (from a fixture or the control API); the message lists every problem. */
export function parseSoftphoneLayout(value: unknown, source: string): SoftphoneLayout {
  const result = layoutSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DialtoneError('LAYOUT_INVALID', `Softphone layout from ${source} is not valid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Reads and validates a layout fixture file. */
export function readSoftphoneLayout(path: string): SoftphoneLayout {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DialtoneError('LAYOUT_INVALID', `Softphone layout ${path} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseSoftphoneLayout(parsed, path);
}

/** `CALL_TYPE` wire values → layout keys. */
export const CALL_TYPES: Readonly<Record<string, LayoutCallType>> = { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal' };

/** A pop, in the shape of `screenPop` arguments — also what `SCREEN_POP_DATA` carries. */
export interface ScreenPopArgs {
  type: 'url' | 'sobject' | 'objecthome' | 'list' | 'search' | 'newRecord' | 'flow';
  params: Record<string, unknown>;
}

/** What a `searchAndScreenPop` request asked for, as far as the pop is concerned. */
export interface PopRequest {
  searchParams: string;
  defaultFieldValues?: Record<string, unknown>;
  queryParams?: string;
  flowArgs?: unknown;
}

/**
 * The pop the layout prescribes for `matchIds` (ids of the layout objects' matches), or
 * undefined for "don't pop" (no rule, or a rule that cannot apply):
 *
 *   NoMatch        PopToEntity X → new-record modal of X with defaultFieldValues
 *   SingleMatch    PopToEntity   → the record's page
 *   MultipleMatches / any        PopToSearch → search page for searchParams
 *   any            PopToVisualforce P → /apex/P?queryParams;  PopToFlow F → flow F with flowArgs
 */
export function popForMatches(layout: CallTypeLayout, matchIds: readonly string[], request: PopRequest): ScreenPopArgs | undefined {
  const settings = layout.screenPopSettings;
  const rule = matchIds.length === 0 ? settings.NoMatch : matchIds.length === 1 ? settings.SingleMatch : settings.MultipleMatches;
  if (!rule) return undefined;
  switch (rule.screenPopType) {
    case 'PopToEntity':
      if (matchIds.length === 1) return { type: 'sobject', params: { recordId: matchIds[0] } };
      if (matchIds.length === 0 && rule.screenPopData) {
        return {
          type: 'newRecord',
          params: { entityName: rule.screenPopData, ...(request.defaultFieldValues ? { defaultFieldValues: request.defaultFieldValues } : {}) },
        };
      }
      // Salesforce offers no "entity" choice for multiple matches; treat it as the search page.
      return matchIds.length > 1 ? searchPop(request) : undefined;
    case 'PopToSearch':
      return searchPop(request);
    case 'PopToVisualforce':
      if (!rule.screenPopData) return undefined;
      return { type: 'url', params: { url: `/apex/${rule.screenPopData}${request.queryParams ? `?${request.queryParams}` : ''}` } };
    case 'PopToFlow':
      if (!rule.screenPopData) return undefined;
      return { type: 'flow', params: { flowDevName: rule.screenPopData, ...(request.flowArgs ? { flowArgs: request.flowArgs } : {}) } };
  }
}

function searchPop(request: PopRequest): ScreenPopArgs | undefined {
  return request.searchParams.trim().length >= 3 ? { type: 'search', params: { searchString: request.searchParams.trim() } } : undefined;
}
