/**
 * Checking a call's parameters against the contract table (`contract.ts`) before anything is
 * sent, and turning them into the wire text ASMX converts back: `int` as digits, `boolean` as
 * `true`/`false`, `dateTime` as `YYYY-MM-DDTHH:mm:ss` (server wall time; an offset is honoured).
 *
 * Every declared parameter is sent, in declaration order: ASMX answers `Missing parameter: X.` for
 * any absent one, strings included. An optional parameter the caller leaves out is sent as its
 * .NET default (`''`, `0`, `false`), which the contract reads as "none" — an empty string would
 * not convert to an `int`.
 */
import { describeValue } from '../../shared/errors.ts';
import { NEO_NO_DATE, NEO_OPERATIONS, type NeoOperation, type NeoParamSpec } from './contract.ts';
import { NeoApiError } from './errors.ts';

/** A parameter value as callers give it. `undefined` = left out. */
export type NeoParamValue = string | number | boolean | undefined;

/** Parameters by their contract name (`USUARIO`, `CAMPAÑA`). */
export type NeoParams = Readonly<Record<string, NeoParamValue>>;

/** One parameter ready for the wire. */
export interface WireParam {
  readonly name: string;
  readonly text: string;
}

/** Parameter names whose values never appear in logs, diagnostics or error messages. */
export const SECRET_PARAMS: ReadonlySet<string> = new Set(['CLAVE']);

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?(?:Z|[+-]\d{2}:\d{2})?$/;

const DEFAULT_TEXT: Readonly<Record<NeoParamSpec['type'], string>> = {
  string: '',
  int: '0',
  boolean: 'false',
  dateTime: NEO_NO_DATE,
};

/** The contract entry for a wire name (method or alias), or an `INVALID_ARGUMENT` error. */
export function operationFor(method: string): NeoOperation {
  const operation = NEO_OPERATIONS.get(method);
  if (operation) return operation;
  const folded = [...NEO_OPERATIONS.keys()].find((name) => name.toLowerCase() === method.toLowerCase());
  const hint = folded === undefined ? 'a method of src/platforms/neotel/contract.ts' : `"${folded}" (method names are case-sensitive)`;
  throw new NeoApiError('INVALID_ARGUMENT', method, `NeoApi method ${describeValue(method)} is not in the contract; expected ${hint}.`);
}

function invalid(method: string, param: NeoParamSpec, value: unknown, expected: string): NeoApiError {
  const shown = SECRET_PARAMS.has(param.name.toUpperCase()) && value !== undefined ? `a ${typeof value} (secret, not shown)` : describeValue(value);
  return new NeoApiError('INVALID_ARGUMENT', method, `NeoApi ${method}: parameter ${param.name} is ${shown}; expected ${expected}.`);
}

function textFor(method: string, param: NeoParamSpec, value: NeoParamValue): string {
  switch (param.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw invalid(method, param, value, 'a string');
    case 'int': {
      const number = typeof value === 'string' && /^[-+]?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof number === 'number' && Number.isInteger(number) && number >= INT32_MIN && number <= INT32_MAX) return String(number === 0 ? 0 : number);
      throw invalid(method, param, value, `an integer from ${INT32_MIN} to ${INT32_MAX} (.NET Int32)`);
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      throw invalid(method, param, value, 'true or false');
    case 'dateTime':
      if (typeof value === 'string' && DATE_TIME.test(value)) return value;
      throw invalid(method, param, value, 'a date-time "YYYY-MM-DDTHH:mm:ss" (server wall time, optional offset)');
  }
}

/**
 * Checks `params` against the method's declared parameters and returns every one of them as wire
 * text, in declaration order. Throws `INVALID_ARGUMENT` (nothing is sent) for a missing required
 * parameter, an undeclared one, or a value of the wrong type.
 */
export function wireParams(operation: NeoOperation, params: NeoParams): readonly WireParam[] {
  const { wireName, spec } = operation;
  const declared = new Set(spec.params.map((param) => param.name));
  const unknown = Object.keys(params).filter((name) => !declared.has(name));
  if (unknown.length > 0) {
    const expected = spec.params.length === 0 ? 'no parameters' : spec.params.map((param) => param.name).join(', ');
    throw new NeoApiError('INVALID_ARGUMENT', wireName, `NeoApi ${wireName}: unknown parameter ${unknown.join(', ')}; expected ${expected}.`);
  }
  return spec.params.map((param) => {
    const value = params[param.name];
    if (value === undefined) {
      if (param.required) throw invalid(wireName, param, value, `a ${param.type} (required)`);
      return { name: param.name, text: DEFAULT_TEXT[param.type] };
    }
    return { name: param.name, text: textFor(wireName, param, value) };
  });
}

/** The parameters with every secret replaced by `***`, for logs and diagnostics. */
export function redactParams(params: readonly WireParam[]): Readonly<Record<string, string>> {
  return Object.fromEntries(params.map(({ name, text }) => [name, SECRET_PARAMS.has(name.toUpperCase()) ? '***' : text]));
}
