/**
 * This deployment's own spellings (`neoApiMethods`, src/config/neoapi-methods.ts) applied to a
 * request built by the contract's names: the method's wire name and its parameters' wire names.
 */
import type { NeoNaming as NeoApiNaming } from './contract-names.ts';
import type { CallOptions } from './transport.ts';

export type { NeoNaming as NeoApiNaming } from './contract-names.ts';

/** The call options that send contract method `method` under this deployment's names. */
export function wireNamesOf(naming: NeoApiNaming, method: string): CallOptions {
  const wireName = naming.methods[method];
  const paramNames = naming.params[method];
  return { ...(wireName === undefined ? {} : { wireName }), ...(paramNames === undefined ? {} : { paramNames }) };
}
