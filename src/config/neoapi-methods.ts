/**
 * `neoApiMethods`: the names this deployment's NeoApi server gives methods and parameters where
 * they differ from Dialtone's contract (src/platforms/neotel/contract.ts; reference neoapi.md §8:
 * Neotel never documented many of them). A deployment renames them without a new build:
 *
 * ```
 * transferBlind=TransferirCiego;conferenceKickAll=Expulsar_Todos
 * Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA
 * ```
 *
 * A key is a logical operation (below, kept from the first version), a contract method
 * (`Login_Campaign2`) or a contract method's parameter (`Login_Campaign2.CAMPANA`).
 */
import { NEO_CORE_METHODS } from '../platforms/neotel/contract.ts';
import { accept, hasControlCharacter, refuse, type Parsed } from './value-parsers.ts';

/** Each renamable logical operation and its contract wire name (the default). */
export const NEOAPI_METHOD_DEFAULTS = {
  transferBlind: 'BlindTransfer',
  transferAttended: 'AttendedTransfer',
  transferBlindQueue: 'BlindTransferQueue',
  transferAttendedQueue: 'AttendedTransferQueue',
  transferBlindCampaign: 'BlindTransferCampaign',
  transferAttendedCampaign: 'AttendedTransferCampaign',
  transferComplete: 'CompleteTransfer',
  transferEnd: 'EndTransfer',
  conferenceJoin: 'JoinConference',
  conferenceInvite: 'InviteParticipant',
  conferenceKick: 'KickParticipant',
  conferenceKickAll: 'KickAll',
  listUsers: 'GetUsers',
  listQueues: 'GetQueues',
  listCampaigns: 'GetCampaigns',
  monitorStart: 'StartMonitor',
  monitorStop: 'StopMonitor',
} as const;

/** A renamable logical operation. */
export type NeoApiMethodOperation = keyof typeof NEOAPI_METHOD_DEFAULTS;

/** This deployment's names, only where they differ from the contract's. */
export interface NeoApiNaming {
  /** Contract method → wire method. */
  readonly methods: Readonly<Record<string, string>>;
  /** Contract method → (contract parameter → wire parameter). */
  readonly params: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** No renames: the contract's names. */
export const CONTRACT_NAMING: NeoApiNaming = { methods: {}, params: {} };

const OPERATIONS = Object.keys(NEOAPI_METHOD_DEFAULTS) as NeoApiMethodOperation[];
const METHODS: ReadonlyMap<string, readonly string[]> = new Map(NEO_CORE_METHODS.map((spec) => [spec.method, spec.params.map((param) => param.name)]));
/**
 * A WSDL name: ASMX method and parameter names are C# identifiers (letters — `Ñ` included —,
 * digits and `_`, not starting with a digit).
 */
const WIRE_NAME = /^[\p{L}_][\p{L}\p{N}_]{0,99}$/u;

/** What `neoApiMethods` accepts, for error messages. */
export const NEOAPI_METHODS_EXPECTED =
  'key=Name pairs separated by ";" (e.g. transferBlind=TransferirCiego or Login_Campaign2.CAMPANA=CAMPAÑA), each key once; ' +
  `a key is a contract method (e.g. Login_Campaign2), a method's parameter (Method.PARAM), or one of ${OPERATIONS.join(', ')}; ` +
  'a name is letters, digits and _ (not starting with a digit)';

/** The contract method a key renames, or why it names none. */
function methodOfKey(key: string): { method: string; param: string | null } | string {
  const dot = key.indexOf('.');
  const method = dot < 0 ? key : key.slice(0, dot);
  const operation = (OPERATIONS as readonly string[]).includes(method) ? NEOAPI_METHOD_DEFAULTS[method as NeoApiMethodOperation] : method;
  const params = METHODS.get(operation);
  if (params === undefined) return `${JSON.stringify(method)} is neither a NeoApi contract method nor a renamable operation`;
  if (dot < 0) return { method: operation, param: null };
  const param = key.slice(dot + 1);
  if (!params.includes(param)) return `${JSON.stringify(param)} is not a parameter of ${operation} (its parameters: ${params.join(', ')})`;
  return { method: operation, param };
}

/** Parses `neoApiMethods` into this deployment's {@link NeoApiNaming}. */
export function parseNeoApiMethods(text: string): Parsed<NeoApiNaming> {
  if (hasControlCharacter(text)) return refuse(NEOAPI_METHODS_EXPECTED, 'it contains a control character');
  const methods: Record<string, string> = {};
  const params: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    if (equals < 0) return refuse(NEOAPI_METHODS_EXPECTED, `entry ${JSON.stringify(entry)} has no "="`);
    const key = entry.slice(0, equals).trim();
    const name = entry.slice(equals + 1).trim();
    const target = methodOfKey(key);
    if (typeof target === 'string') return refuse(NEOAPI_METHODS_EXPECTED, `in entry ${JSON.stringify(entry)}, ${target}`);
    const canonical = target.param === null ? target.method : `${target.method}.${target.param}`;
    if (seen.has(canonical)) return refuse(NEOAPI_METHODS_EXPECTED, `${canonical} is renamed twice (entry ${JSON.stringify(entry)})`);
    if (!WIRE_NAME.test(name)) return refuse(NEOAPI_METHODS_EXPECTED, `name ${JSON.stringify(name)} for ${key} is not a valid NeoApi name`);
    seen.add(canonical);
    if (target.param === null) {
      if (name !== target.method) methods[target.method] = name;
    } else if (name !== target.param) {
      params[target.method] = { ...params[target.method], [target.param]: name };
    }
  }
  return accept({ methods, params });
}
