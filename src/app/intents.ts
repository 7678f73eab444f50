/**
 * The machine's intents, checked and stamped with the clock: each becomes the machine's event, or a
 * refusal before the machine. Which collaborator runs which intent is the session's intent table
 * (intent-handlers.ts); this module only turns the runtime's share into events.
 */
import { isSessionIntentRequest, parseNeoUser, sessionIntentAt, type AgentEvent } from '../call/index.ts';
import type { DialRefusal, SoftphoneIntent, SoftphoneIntentKind } from '../view/agent-view.ts';
import { isFutureWallTime } from '../crm/callback-time.ts';

/** A dial number ready for NeoApi `Dial`, or why the typed text cannot be dialled. */
export type DialCheck = { readonly ok: true; readonly dial: string } | { readonly ok: false; readonly reason: DialRefusal };

/** What an intent becomes: a machine event, a local action, or a refusal before the machine. */
export type RoutedIntent =
  | { readonly to: 'machine'; readonly event: AgentEvent }
  /** One of the runtime's own view intents (`RUNTIME_VIEW_INTENT_KINDS`), or a kind the runtime does not run. */
  | { readonly to: 'app'; readonly intent: SoftphoneIntent }
  | { readonly to: 'dialError'; readonly number: string; readonly reason: DialRefusal }
  | { readonly to: 'refused'; readonly message: string };

/** The intents the machine decides (each becomes its event in `routeIntent`), besides the session intents. */
export const MACHINE_INTENT_KINDS = [
  'login', 'dial', 'logout', 'pause', 'enterCampaign', 'sendDtmf', 'categorise', 'scheduleCallback', 'transfer', 'inviteParticipant',
  'kickParticipant', 'completeTransfer', 'endTransfer', 'startConference', 'kickAll', 'unpause', 'leaveCampaign', 'answer', 'reject',
  'hangUp', 'hold', 'resume', 'mute', 'unmute', 'available', 'releaseContact',
] as const satisfies readonly SoftphoneIntentKind[];

/** The intents on the runtime's own slices of the view (the logout question, notices, the dial error). */
export const RUNTIME_VIEW_INTENT_KINDS = ['cancelLogout', 'dismissNotice', 'clearDialError'] as const satisfies readonly SoftphoneIntentKind[];

const VIEW_KINDS: ReadonlySet<SoftphoneIntentKind> = new Set(RUNTIME_VIEW_INTENT_KINDS);

/**
 * Routes an intent. `checkDial` normalises a typed number for the dial plan. The login's device
 * password is not part of the machine's event (the machine never sees SIP secrets); the runtime
 * takes it from the intent itself.
 */
export function routeIntent(intent: SoftphoneIntent, at: number, checkDial: (typed: string) => DialCheck): RoutedIntent {
  if (VIEW_KINDS.has(intent.kind)) return { to: 'app', intent };
  if (isSessionIntentRequest(intent)) return { to: 'machine', event: sessionIntentAt(intent, at) };
  switch (intent.kind) {
    case 'login': {
      const user = parseNeoUser(intent.user);
      if (user === null) return { to: 'refused', message: 'Cannot log in with an empty user: type your Neotel user number.' };
      return { to: 'machine', event: { kind: 'login', at, user, device: intent.device, password: intent.password, campaign: intent.campaign } };
    }
    case 'dial': {
      const checked = checkDial(intent.number);
      if (!checked.ok) return { to: 'dialError', number: intent.number, reason: checked.reason };
      return { to: 'machine', event: { kind: 'dial', at, number: checked.dial, ...(intent.contact === undefined ? {} : { contact: intent.contact }) } };
    }
    case 'logout':
      return { to: 'machine', event: { kind: 'logout', at, force: intent.force } };
    case 'pause':
      return { to: 'machine', event: { kind: 'pause', at, subtype: intent.subtype } };
    case 'enterCampaign':
      return { to: 'machine', event: { kind: 'enterCampaign', at, campaign: intent.campaign } };
    case 'sendDtmf':
      return { to: 'machine', event: { kind: 'sendDtmf', at, digit: intent.digit } };
    case 'categorise':
      return { to: 'machine', event: { kind: 'categorise', at, subcategory: intent.subcategory } };
    case 'scheduleCallback': {
      // The panel checks this too; a relayed or stale click must not book a callback in the past.
      if (!isFutureWallTime(intent.when, new Date(at))) {
        return { to: 'refused', message: `Cannot schedule a callback at ${JSON.stringify(intent.when)}: pick a date and time later than now (YYYY-MM-DDTHH:mm:ss, your local time).` };
      }
      const phone = intent.phone.replace(/[\s().-]/g, '');
      return { to: 'machine', event: { kind: 'scheduleCallback', at, subcategory: intent.subcategory, when: intent.when, phone: phone === '' ? null : phone, mine: intent.mine } };
    }
    case 'transfer':
    case 'inviteParticipant': {
      // A typed number goes through the dial plan like a dial; list entries are already clean.
      const target = intent.target;
      if (target.kind !== 'number') {
        return intent.kind === 'transfer' ? { to: 'machine', event: { kind: 'transfer', at, target, mode: intent.mode } } : { to: 'machine', event: { kind: 'inviteParticipant', at, target: intent.target } };
      }
      const checked = checkDial(target.number);
      if (!checked.ok) return { to: 'refused', message: `Cannot ${intent.kind === 'transfer' ? 'transfer to' : 'invite'} ${JSON.stringify(target.number)}: ${checked.reason} (type the number as you would dial it).` };
      const dialled = { kind: 'number', number: checked.dial } as const;
      return intent.kind === 'transfer' ? { to: 'machine', event: { kind: 'transfer', at, target: dialled, mode: intent.mode } } : { to: 'machine', event: { kind: 'inviteParticipant', at, target: dialled } };
    }
    case 'kickParticipant':
      return { to: 'machine', event: { kind: 'kickParticipant', at, participant: intent.participant } };
    case 'completeTransfer':
    case 'endTransfer':
    case 'startConference':
    case 'kickAll':
      return { to: 'machine', event: { kind: intent.kind, at } };
    case 'unpause':
    case 'leaveCampaign':
    case 'answer':
    case 'reject':
    case 'hangUp':
    case 'hold':
    case 'resume':
    case 'mute':
    case 'unmute':
    case 'available':
    case 'releaseContact':
      return { to: 'machine', event: { kind: intent.kind, at } };
    default:
      return { to: 'app', intent };
  }
}

/** A plain fallback dial check: digits with an optional leading `+`, `*` and `#` codes. */
export function basicDialCheck(typed: string): DialCheck {
  const compact = typed.replace(/[\s().-]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^\+?[0-9*#]+$/.test(compact)) return { ok: false, reason: 'invalidCharacters' };
  if (compact.replace(/\D/g, '').length > 20) return { ok: false, reason: 'tooLong' };
  return { ok: true, dial: compact };
}
