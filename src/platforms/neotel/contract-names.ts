/**
 * How a deployment renames the contract's methods and parameters (`neoApiMethods`): the parser
 * and the deployment's operation table. Shared by the softphone (src/config validates the setting
 * with it, the adapter sends under those names) and by dev/neotel (which can be configured to
 * serve a deployment's names), so both read one syntax:
 *
 * ```
 * transferBlind=TransferirCiego;Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA
 * ```
 *
 * A key is a contract method, a method's parameter (`Method.PARAM`) or a logical operation of
 * {@link NEO_RENAMABLE_OPERATIONS} (the first version's keys). Imports only the contract table.
 */
import { NEO_CORE_METHODS, NEO_OPERATIONS, type NeoMethodSpec, type NeoOperation } from './contract.ts';

/** Logical operations accepted as keys, and the contract method each stands for. */
export const NEO_RENAMABLE_OPERATIONS = {
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
} as const satisfies Readonly<Record<string, NeoMethodSpec['method']>>;

/** This deployment's names, only where they differ from the contract's. */
export interface NeoNaming {
  /** Contract method → wire method. */
  readonly methods: Readonly<Record<string, string>>;
  /** Contract method → (contract parameter → wire parameter). */
  readonly params: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** No renames: the contract's names. */
export const CONTRACT_NAMING: NeoNaming = { methods: {}, params: {} };

const OPERATIONS: readonly string[] = Object.keys(NEO_RENAMABLE_OPERATIONS);
const METHODS: ReadonlyMap<string, readonly string[]> = new Map(NEO_CORE_METHODS.map((spec) => [spec.method, spec.params.map((param) => param.name)]));
/** ASMX method and parameter names are C# identifiers: letters (`Ñ` too), digits, `_`, no leading digit. */
const WIRE_NAME = /^[\p{L}_][\p{L}\p{N}_]{0,99}$/u;

/** What the setting accepts, for error messages. */
export const NEO_NAMING_EXPECTED =
  'key=Name pairs separated by ";" (e.g. transferBlind=TransferirCiego or Login_Campaign2.CAMPANA=CAMPAÑA), each key once; ' +
  `a key is a contract method (e.g. Login_Campaign2), a method's parameter (Method.PARAM), or one of ${OPERATIONS.join(', ')}; ` +
  'a name is letters, digits and _ (not starting with a digit)';

/** The contract method (and parameter) a key renames, or why it names none. */
function targetOf(key: string): { method: string; param: string | null } | string {
  const dot = key.indexOf('.');
  const head = dot < 0 ? key : key.slice(0, dot);
  const method = OPERATIONS.includes(head) ? NEO_RENAMABLE_OPERATIONS[head as keyof typeof NEO_RENAMABLE_OPERATIONS] : head;
  const params = METHODS.get(method);
  if (params === undefined) return `${JSON.stringify(head)} is neither a NeoApi contract method nor a renamable operation`;
  if (dot < 0) return { method, param: null };
  const param = key.slice(dot + 1);
  if (!params.includes(param)) return `${JSON.stringify(param)} is not a parameter of ${method} (its parameters: ${params.join(', ')})`;
  return { method, param };
}

/** Parses the renames; `problem` names the entry and what is wrong with it. */
export function parseNeoNaming(text: string): { readonly ok: true; readonly value: NeoNaming } | { readonly ok: false; readonly problem: string } {
  const methods: Record<string, string> = {};
  const params: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    if (equals < 0) return { ok: false, problem: `entry ${JSON.stringify(entry)} has no "="` };
    const key = entry.slice(0, equals).trim();
    const name = entry.slice(equals + 1).trim();
    const target = targetOf(key);
    if (typeof target === 'string') return { ok: false, problem: `in entry ${JSON.stringify(entry)}, ${target}` };
    const canonical = target.param === null ? target.method : `${target.method}.${target.param}`;
    if (seen.has(canonical)) return { ok: false, problem: `${canonical} is renamed twice (entry ${JSON.stringify(entry)})` };
    if (!WIRE_NAME.test(name)) return { ok: false, problem: `name ${JSON.stringify(name)} for ${key} is not a valid NeoApi name` };
    seen.add(canonical);
    if (target.param === null) {
      if (name !== target.method) methods[target.method] = name;
    } else if (name !== target.param) {
      params[target.method] = { ...params[target.method], [target.param]: name };
    }
  }
  return { ok: true, value: { methods, params } };
}

/**
 * The operations a server with these names answers, by wire name: a renamed method answers only
 * under its new name (its contract name and aliases are gone), its spec carrying the wire
 * parameter names in contract order.
 */
export function namedOperations(naming: NeoNaming): ReadonlyMap<string, NeoOperation> {
  const renamed = new Set(Object.keys(naming.methods));
  const table = new Map<string, NeoOperation>();
  for (const [wireName, operation] of NEO_OPERATIONS) {
    const method = operation.spec.method;
    if (renamed.has(method)) continue;
    table.set(wireName, { wireName, spec: withParamNames(operation.spec, naming) });
  }
  for (const [method, wireName] of Object.entries(naming.methods)) {
    const operation = NEO_OPERATIONS.get(method);
    if (operation !== undefined) table.set(wireName, { wireName, spec: withParamNames(operation.spec, naming) });
  }
  return table;
}

function withParamNames(spec: NeoMethodSpec, naming: NeoNaming): NeoMethodSpec {
  const renames = naming.params[spec.method];
  if (renames === undefined) return spec;
  return { ...spec, params: spec.params.map((param) => ({ ...param, name: renames[param.name] ?? param.name })) };
}
