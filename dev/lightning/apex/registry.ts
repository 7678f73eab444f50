import type { RecordStore } from '../records/record-store.ts';
import { ApexException, type ApexClassTwin } from './apex-class.ts';
import { DialtoneTaskLog } from './dialtone-task-log.ts';
import { NeotelDataRetrieval } from './neotel-data-retrieval.ts';

/** Every Apex class the emulated org has. */
export const APEX_CLASSES: readonly ApexClassTwin[] = [NeotelDataRetrieval, DialtoneTaskLog];

/** Outcome of a `runApex` call, before it is wrapped in an Open CTI response. */
export type ApexOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: 'SERVER_ERROR'; description: string };

/**
 * Splits `methodParams` (`name=acme&phone=%2B54…`) into named parameters, decoding each side.
 * A malformed escape is kept as typed rather than failing the call.
 */
export function parseMethodParams(methodParams: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  if (typeof methodParams !== 'string' || methodParams === '') return params;
  for (const pair of methodParams.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    params[safeDecode(name)] = safeDecode(value);
  }
  return params;
}

/**
 * Runs `apexClass.methodName(methodParams)` on its twin. Apex names are case-insensitive. An
 * unknown class answers Salesforce's `Could not load Apex class: X.`; an exception in the method
 * answers its type and message.
 */
export function runApex(apexClass: unknown, methodName: unknown, methodParams: unknown, store: RecordStore, classes = APEX_CLASSES): ApexOutcome {
  const cls = classes.find((c) => typeof apexClass === 'string' && c.name.toLowerCase() === apexClass.toLowerCase());
  if (!cls) return { ok: false, code: 'SERVER_ERROR', description: `Could not load Apex class: ${String(apexClass)}.` };
  const entry = Object.entries(cls.methods).find(([name]) => typeof methodName === 'string' && name.toLowerCase() === methodName.toLowerCase());
  if (!entry) {
    return { ok: false, code: 'SERVER_ERROR', description: `No such webService method ${String(methodName)} on Apex class ${cls.name}.` };
  }
  try {
    return { ok: true, value: entry[1](parseMethodParams(methodParams), store) };
  } catch (error) {
    if (error instanceof ApexException) return { ok: false, code: 'SERVER_ERROR', description: error.message };
    throw error;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` in an unencoded value: Salesforce would pass it through; so do we.
    return text;
  }
}
