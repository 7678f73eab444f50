/**
 * The telephony platform port, in contact-center terms: what the machine asks a platform to do
 * ({@link PlatformCommand}), how a command can fail ({@link CommandFailure}) and what a platform
 * can do at all ({@link PlatformCapabilities}). The platform's facts reach the machine as the
 * platform events of events.ts (`platformCallStarted`, `contactDelivered`, `breakChanged`…).
 *
 * A platform adapter (src/platforms/neotel: NeoApi + platform status) turns commands into its wire
 * requests and its wire answers back into results with these failure codes; nothing here knows a
 * wire name, so a second platform (plain SIP + HTTP hooks, no campaigns) plugs in without forking
 * the machine. docs/architecture.md draws the port and walks through adding an operation.
 */
import type { DeliveredContact } from './call-facts.ts';
import type { ConferenceTarget, TransferMode, TransferTarget } from './call-control-types.ts';

/** Every command names the agent (the platform user) it is for. */
interface ForAgent {
  /** The platform user the command acts for (the logged-in agent, or the supervisor). */
  readonly agent: string;
}

/** A callback to book with a disposition. */
export interface Callback {
  /** Wall time `YYYY-MM-DDTHH:mm:ss`, platform time zone. */
  readonly at: string;
  /** Number to call back; `null` = the contact's phone. */
  readonly phone: string | null;
  /** For this agent only; otherwise any agent of the campaign. */
  readonly mine: boolean;
}

/** What the machine (and the supervision desk) ask the platform to do. */
export type PlatformCommand =
  | (ForAgent & { readonly command: 'login'; readonly device: string; readonly password: string })
  | (ForAgent & { readonly command: 'logout' })
  | (ForAgent & { readonly command: 'joinCampaign'; readonly campaign: number })
  | (ForAgent & { readonly command: 'leaveCampaign' })
  /** Start a break; `reason` = the platform's break type id. */
  | (ForAgent & { readonly command: 'pause'; readonly reason: number })
  | (ForAgent & { readonly command: 'unpause' })
  | (ForAgent & { readonly command: 'dial'; readonly number: string })
  | (ForAgent & { readonly command: 'hangUp' })
  /** Send DTMF through the platform (a call whose media cannot carry RFC 4733). */
  | (ForAgent & { readonly command: 'sendDigits'; readonly digits: string })
  /** The delivered contact is on screen: the dialer holds the next one. */
  | (ForAgent & { readonly command: 'showingContact'; readonly contact: DeliveredContact })
  /** Disposition of the call's contact (none for a plain call), with a callback when given. */
  | (ForAgent & { readonly command: 'categorise'; readonly contact: DeliveredContact | null; readonly disposition: number; readonly callback: Callback | null })
  /** Book a callback for the contact without a disposition (the platform's agenda). */
  | (ForAgent & { readonly command: 'scheduleCallback'; readonly contact: DeliveredContact; readonly at: string; readonly phone: string | null })
  /** Done with the contact/call: the platform may deliver the next one. */
  | (ForAgent & { readonly command: 'release' })
  /** Nothing new until `release` (the agent needs a moment). */
  | (ForAgent & { readonly command: 'setUnavailable' })
  | (ForAgent & { readonly command: 'transfer'; readonly target: TransferTarget; readonly mode: TransferMode })
  | (ForAgent & { readonly command: 'completeTransfer' })
  | (ForAgent & { readonly command: 'cancelTransfer' })
  | (ForAgent & { readonly command: 'startConference' })
  | (ForAgent & { readonly command: 'invite'; readonly target: ConferenceTarget })
  | (ForAgent & { readonly command: 'kick'; readonly participant: string })
  | (ForAgent & { readonly command: 'kickAll' })
  /** Supervisor `agent` listens to / assists / barges into `monitored`'s call; again to switch mode. */
  | (ForAgent & { readonly command: 'monitor'; readonly monitored: string; readonly mode: 'listen' | 'assist' | 'barge' })
  | (ForAgent & { readonly command: 'stopMonitor' })
  /** Send a text message to the customer's number `to` over `channel` (docs/text-messages.md). */
  | (ForAgent & { readonly command: 'sendText'; readonly channel: TextChannel; readonly to: string; readonly text: string });

/** Channels a text message can go over. */
export const TEXT_CHANNELS = ['sms', 'whatsapp'] as const;
/** A text message channel. */
export type TextChannel = (typeof TEXT_CHANNELS)[number];

/**
 * Run the platform's own task `task` with positional `params` (an agent action;
 * docs/agent-actions.md). Issued by the actions desk, never by the machine, so the machine's
 * commands keep one wire request type each.
 */
export type DeskCommand = ForAgent & { readonly command: 'runTask'; readonly task: number; readonly params: readonly string[] };

/** A command name. */
export type PlatformCommandName = PlatformCommand['command'];
/** The command named `C`. */
export type CommandOf<C extends PlatformCommandName> = Extract<PlatformCommand, { command: C }>;

/**
 * Why a command failed, in terms an agent can act on. The adapter picks the code; the UI says
 * it in the agent's language (i18n `failure.*`) after what failed, the adapter's own text is the
 * technical detail.
 * - `UNREACHABLE`: no answer (network, timeout, HTTP errors): nothing was done, try again later.
 * - `REFUSED`: the platform answered no (busy, not allowed now, unknown number…).
 * - `NOT_LOGGED_IN`: the platform no longer knows this session (logged out elsewhere).
 * - `BAD_CREDENTIALS`: unknown user or wrong password.
 * - `DEVICE_UNAVAILABLE`: the phone device is not registered or is used by someone else.
 * - `ALREADY_LOGGED_IN`: the user is logged in on another position.
 * - `NO_LICENCES`: the platform has no free agent licence.
 * - `MISCONFIGURED`: the platform disagrees with our request (a parameter or name this
 *   deployment spells differently): an administrator must fix the settings.
 * - `UNSUPPORTED`: this platform cannot do it (a capability it lacks).
 */
export const FAILURE_CODES = [
  'UNREACHABLE', 'REFUSED', 'NOT_LOGGED_IN', 'BAD_CREDENTIALS', 'DEVICE_UNAVAILABLE', 'ALREADY_LOGGED_IN', 'NO_LICENCES', 'MISCONFIGURED', 'UNSUPPORTED',
] as const;
/** A failure code. */
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A failed command: the domain code, and the platform's technical text (shown behind a disclosure). */
export interface CommandFailure {
  readonly code: FailureCode;
  readonly detail: string;
}

/**
 * What a platform can do. The machine refuses what a platform lacks (`UNSUPPORTED`) and the view
 * model hides it, so the UI offers only what works.
 */
export interface PlatformCapabilities {
  /** Outbound campaigns (join/leave, dialer-delivered contacts). */
  readonly campaigns: boolean;
  /** Breaks with platform break types. */
  readonly breaks: boolean;
  /** Transfers to a user, device or number. */
  readonly transfer: boolean;
  readonly attendedTransfer: boolean;
  readonly queueTransfer: boolean;
  readonly campaignTransfer: boolean;
  readonly conference: boolean;
  readonly monitoring: boolean;
  /** Callbacks booked on the platform. */
  readonly callbacks: boolean;
  /** Dispositions (categories) stored on the platform. */
  readonly categorisation: boolean;
  /** DTMF sent by the platform for calls whose media cannot carry it. */
  readonly platformDigits: boolean;
  /** Agent actions run as the platform's own tasks (`runTask`); absent = no. */
  readonly tasks?: boolean;
  /** Text messages (SMS, WhatsApp) to the customer (`sendText`); absent = no. */
  readonly textMessages?: boolean;
  /**
   * The platform keeps a call whose agent media died with its page and reports it in its status,
   * and `hangUp` ends it without the media: a reloaded page resumes the call (docs/reload.md);
   * absent = no (the call resumes as ready).
   */
  readonly callsWithoutMedia?: boolean;
}

/** A platform that can do everything the machine knows (the tests' default). */
export const ALL_CAPABILITIES: PlatformCapabilities = {
  campaigns: true, breaks: true, transfer: true, attendedTransfer: true, queueTransfer: true, campaignTransfer: true,
  conference: true, monitoring: true, callbacks: true, categorisation: true, platformDigits: true, tasks: true, textMessages: true,
};

/** What a command answered: its value, or why it failed. */
export type CommandOutcome =
  | { readonly ok: true; readonly value: boolean | string | null }
  | { readonly ok: false; readonly failure: CommandFailure };

/** The platform facts the machine takes (events.ts), as an adapter emits them. */
export type PlatformEventKind =
  | 'platformCallStarted' | 'platformCallEnded' | 'contactDelivered' | 'breakChanged' | 'campaignChanged'
  | 'loggedOutByPlatform' | 'platformDegraded' | 'platformRecovered';

/** A supervisor listening to / assisting the agent, as the platform reports it. */
export interface MonitoredBy {
  readonly mode: 'listen' | 'assist' | 'barge';
  /** The supervisor's platform user, or `null` when the platform does not say. */
  readonly supervisor: string | null;
}

/** Where a platform delivers the facts of one agent's session. */
export interface PlatformListener<E> {
  /** A platform fact for the machine. */
  readonly onEvent: (event: E) => void;
  /** Who monitors the agent now (`null` = nobody), each time the platform reports it. */
  readonly onMonitored?: (monitoredBy: MonitoredBy | null) => void;
}

/** A running watch over one agent's session (polling, a socket, HTTP hooks…). */
export interface PlatformWatch {
  start(): void;
  stop(): void;
}

/**
 * The port a telephony platform adapter implements, for the app. `E` is the machine's event type
 * (events.ts), passed in so this file stays free of a cycle with it.
 */
export interface PlatformPort<E> {
  readonly capabilities: PlatformCapabilities;
  /** Runs one command; never rejects (a failure is an outcome). */
  run(command: PlatformCommand | DeskCommand): Promise<CommandOutcome>;
  /** Starts delivering the facts of `agent`'s session. */
  watch(agent: string, listener: PlatformListener<E>): PlatformWatch;
  /**
   * A round-trip that changes nothing, for the health gate before login (docs/health-gate.md):
   * any answer, a refusal included, proves the platform is reachable; `UNREACHABLE` = no answer.
   * Absent = the platform has no such request (the sip platform: its phone registration is the check).
   */
  probe?(user: string): Promise<CommandOutcome>;
}
