/**
 * A business error of the simulated platform. Its message is EXACTLY the text a Neotel server puts
 * in its exception (`Position SIP/1001 not found`, `1001 not logged.`), because clients match on
 * it; the NeoApi layer wraps it the way ASMX does (HTTP 500 text or SOAP fault).
 *
 * Texts marked "observed" come from real servers (neoapi.md §1.2); the others are our choices for
 * unknowns, in the same terse style, listed in docs/dev-neotel.md.
 */
export class NeoFault extends Error {
  /** The .NET exception type a real server would throw (`System.Exception` for business rules). */
  readonly dotNetType: string;

  constructor(message: string, dotNetType = 'System.Exception') {
    super(message);
    this.name = 'NeoFault';
    this.dotNetType = dotNetType;
  }
}

/** The catalogue of business errors, one factory per rule. */
export const faults = {
  /** Observed: Login with a device that is unknown or not registered. */
  positionNotFound: (device: string) => new NeoFault(`Position ${device} not found`),
  /** Observed ("not free"): the position is held by another user. */
  positionNotFree: (device: string) => new NeoFault(`Position ${device} not free`),
  /** Observed ("not logged."): any agent method for a user without a session. */
  notLogged: (user: string) => new NeoFault(`${user} not logged.`),
  /** Observed. */
  noLicenses: () => new NeoFault('No more API licenses.'),
  alreadyLogged: (user: string, device: string) => new NeoFault(`User ${user} already logged on position ${device}`),
  unknownUser: (user: string) => new NeoFault(`User ${user} not found`),
  wrongPassword: (user: string) => new NeoFault(`Invalid password for user ${user}`),
  campaignNotFound: (campaign: number) => new NeoFault(`Campaign ${campaign} not found`),
  notOutboundCampaign: (campaign: number) => new NeoFault(`Campaign ${campaign} is not an outbound campaign`),
  notInCampaign: (user: string, campaign: number) => new NeoFault(`User ${user} not logged in campaign ${campaign}`),
  notAssigned: (user: string, campaign: number) => new NeoFault(`User ${user} not assigned to campaign ${campaign}`),
  breakNotFound: (subtype: number) => new NeoFault(`Break sub-type ${subtype} not found`),
  baseNotFound: (base: number) => new NeoFault(`Base ${base} not found`),
  contactNotFound: (base: number, contact: number) => new NeoFault(`Contact ${contact} not found in base ${base}`),
  subcategoryNotFound: (subcategory: number) => new NeoFault(`Subcategory ${subcategory} not found`),
  queueNotFound: (queue: number) => new NeoFault(`Queue ${queue} not found`),
  campaignWithoutQueue: (campaign: number) => new NeoFault(`Campaign ${campaign} has no inbound queue`),
  noActiveCall: (user: string) => new NeoFault(`${user} has no active call.`),
  noTransferInProgress: (user: string) => new NeoFault(`${user} has no transfer in progress.`),
  transferInProgress: (user: string) => new NeoFault(`${user} already has a transfer in progress.`),
  destinationNotAvailable: (destination: string) => new NeoFault(`Destination ${destination} not available`),
  noAgentAvailable: (queue: number) => new NeoFault(`No agent available in queue ${queue}`),
  participantNotFound: (participant: string) => new NeoFault(`Participant ${participant} not found`),
  notSupervisor: (user: string) => new NeoFault(`User ${user} is not a supervisor`),
  invalidMonitorMode: (mode: string) => new NeoFault(`Invalid monitor mode ${mode}; expected listen, assist or barge`),
  notMonitoring: (user: string) => new NeoFault(`${user} is not monitoring.`),
  taskNotFound: (task: number) => new NeoFault(`Task ${task} not found`),
  invalidDate: (value: string) => new NeoFault(`Invalid FECHA_AGENDA ${value}`),
} as const;
