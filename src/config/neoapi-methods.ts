/**
 * `neoApiMethods`: the names this deployment's NeoApi server gives methods and parameters where
 * they differ from Dialtone's contract (reference neoapi.md §8: Neotel never documented many of
 * them), e.g. `transferBlind=TransferirCiego;Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA`.
 * The syntax and its checks live with the contract (src/platforms/neotel/contract-names.ts), which
 * dev/neotel reads too; this file turns them into a setting.
 */
import { NEO_NAMING_EXPECTED, parseNeoNaming, type NeoNaming } from '../platforms/neotel/contract-names.ts';
import { accept, hasControlCharacter, refuse, type Parsed } from './value-parsers.ts';

export { CONTRACT_NAMING, NEO_RENAMABLE_OPERATIONS as NEOAPI_METHOD_DEFAULTS } from '../platforms/neotel/contract-names.ts';

/** This deployment's names (contract method → wire method; per method, contract → wire parameter). */
export type NeoApiNaming = NeoNaming;

/** What `neoApiMethods` accepts, for error messages. */
export const NEOAPI_METHODS_EXPECTED = NEO_NAMING_EXPECTED;

/** Parses `neoApiMethods` into this deployment's {@link NeoApiNaming}. */
export function parseNeoApiMethods(text: string): Parsed<NeoApiNaming> {
  if (hasControlCharacter(text)) return refuse(NEOAPI_METHODS_EXPECTED, 'it contains a control character');
  const parsed = parseNeoNaming(text);
  return parsed.ok ? accept(parsed.value) : refuse(NEOAPI_METHODS_EXPECTED, parsed.problem);
}
