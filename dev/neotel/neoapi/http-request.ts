/**
 * Reading the parameters of an HTTP GET (query string) or POST (form) call like ASMX's
 * `ValueCollectionParameterReader`: walk the method's parameters in declaration order; the first
 * absent one is `Missing parameter: X.`, the first unconvertible one `Cannot convert v to T.`.
 * Names are case-insensitive (a `NameValueCollection`); a repeated name reads as the values joined
 * by commas.
 */
import type { NeoOperation } from '../../../src/platforms/neotel/contract.ts';
import { cannotConvert, DOTNET_TYPE_NAMES, missingParameter, type DotNetException } from './dotnet-exception.ts';
import { convertHttpValue, type ParamValue } from './param-values.ts';

export type HttpBinding = 'get' | 'post';

export type HttpCall = { readonly ok: true; readonly values: Map<string, ParamValue> } | { readonly ok: false; readonly failure: DotNetException };

/** The case-insensitive collection of a query string or form body. */
export function nameValueCollection(encoded: string): { get(name: string): string | undefined; entries(): Record<string, string> } {
  const byName = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of new URLSearchParams(encoded)) {
    const key = name.toUpperCase();
    const slot = byName.get(key);
    if (slot) slot.values.push(value);
    else byName.set(key, { name, values: [value] });
  }
  return {
    get: (name) => byName.get(name.toUpperCase())?.values.join(','),
    entries: () => Object.fromEntries([...byName.values()].map((slot) => [slot.name, slot.values.join(',')])),
  };
}

/** Converts the collection to the operation's typed parameters, or the ASMX failure. */
export function readHttpParams(operation: NeoOperation, collection: { get(name: string): string | undefined }, binding: HttpBinding): HttpCall {
  const values = new Map<string, ParamValue>();
  for (const param of operation.spec.params) {
    const text = collection.get(param.name);
    if (text === undefined) {
      if (!param.required) continue;
      return { ok: false, failure: missingParameter(param.name, binding) };
    }
    const converted = convertHttpValue(text, param.type);
    if (!converted.ok) return { ok: false, failure: cannotConvert(text, DOTNET_TYPE_NAMES[param.type], converted.failure, binding) };
    values.set(param.name, converted.value);
  }
  return { ok: true, values };
}
