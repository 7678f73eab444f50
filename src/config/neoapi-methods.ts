/**
 * `neoApiMethods`: the wire names of NeoApi's transfer, conference, listing and monitoring methods, which
 * Neotel never documented (reference neoapi.md §8). Dialtone's contract names them
 * (docs/neoapi-contract.md); a deployment whose WSDL spells one differently renames it here, by
 * logical operation, without a new build:
 *
 * ```
 * transferBlind=TransferirCiego;conferenceKickAll=Expulsar_Todos
 * ```
 *
 * Only the operations below can be renamed; the parameters stay the contract's.
 */
import { accept, hasControlCharacter, refuse, type Parsed } from './value-parsers.ts';

/** Each renamable operation and its contract wire name (the default). */
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

/** A renamable NeoApi operation. */
export type NeoApiMethodOperation = keyof typeof NEOAPI_METHOD_DEFAULTS;

/** The contract's wire name → the name this deployment uses (only renamed ones are present). */
export type NeoApiMethodNames = Readonly<Record<string, string>>;

const OPERATIONS = Object.keys(NEOAPI_METHOD_DEFAULTS) as NeoApiMethodOperation[];
/** A WSDL operation name: an XML NCName without dots or dashes (ASMX method names are C# identifiers). */
const WIRE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** What `neoApiMethods` accepts, for error messages. */
export const NEOAPI_METHODS_EXPECTED =
  `operation=MethodName pairs separated by ";" (e.g. transferBlind=TransferirCiego), each operation once, one of ${OPERATIONS.join(', ')}; ` +
  'a method name is letters, digits and _ (not starting with a digit)';

/** Parses `neoApiMethods` into contract wire name → deployment wire name. */
export function parseNeoApiMethods(text: string): Parsed<NeoApiMethodNames> {
  if (hasControlCharacter(text)) return refuse(NEOAPI_METHODS_EXPECTED, 'it contains a control character');
  const names: Record<string, string> = {};
  const seen = new Set<string>();
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    if (equals < 0) return refuse(NEOAPI_METHODS_EXPECTED, `entry ${JSON.stringify(entry)} has no "="`);
    const operation = entry.slice(0, equals).trim();
    const name = entry.slice(equals + 1).trim();
    if (!(OPERATIONS as readonly string[]).includes(operation)) return refuse(NEOAPI_METHODS_EXPECTED, `${JSON.stringify(operation)} is not a renamable operation`);
    if (seen.has(operation)) return refuse(NEOAPI_METHODS_EXPECTED, `operation ${operation} appears twice`);
    if (!WIRE_NAME.test(name)) return refuse(NEOAPI_METHODS_EXPECTED, `method name ${JSON.stringify(name)} for ${operation} is not a valid NeoApi method name`);
    seen.add(operation);
    const contractName = NEOAPI_METHOD_DEFAULTS[operation as NeoApiMethodOperation];
    if (name !== contractName) names[contractName] = name;
  }
  return accept(names);
}
