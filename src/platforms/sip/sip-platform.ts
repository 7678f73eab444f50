/**
 * The `sip` platform behind the port (src/call/platform.ts): any SIP PBX plus the deployment's
 * HTTP hooks, no NeoApi. Commands become the browser phone's own SIP (docs/sip-platform.md):
 *
 *   login / unpause      → setReady(true)            pause → setReady(false, 486 | 480)
 *   dial{number}         → dial plan → INVITE from the browser, or the click-to-call hook (the
 *                          PBX then calls the agent, as Neotel's platform leg does)
 *   hangUp               → BYE / CANCEL              transfer blind → REFER
 *   transfer attended    → consult()                 complete / cancel → REFER+Replaces / back
 *   startConference      → nothing yet               invite{target} → consult(), then the browser mix
 *   monitor              → the PBX's feature code (ChanSpy, eavesdrop) dialled as a call
 *
 * What plain SIP cannot do answers `UNSUPPORTED` (and `sipCapabilities` hides it). The facts come
 * from the phone, not from polling: the app's phone facade (src/app/sip-agent-phone.ts) hands
 * every INVITE to {@link SipPlatform.offered} before the machine sees it, and every end to
 * {@link SipPlatform.ended}, which sends the call-end hook (fire-and-forget).
 */
import type { AgentEvent } from '../../call/events.ts';
import type { CommandOutcome, FailureCode, PlatformCapabilities, PlatformCommand, PlatformListener, PlatformPort, PlatformWatch } from '../../call/platform.ts';
import type { TransferTarget } from '../../call/call-control-types.ts';
import type { SipPlatformConfig } from '../../config/sip-platform-settings.ts';
import { sipCapabilities } from './capabilities.ts';
import { offeredCallFacts, sipCallIdOf, type OfferedCall } from './call-facts-of.ts';
import { applyDialPlan, supervisionDialString } from './dial-plan.ts';
import type { HookValues } from './hook-template.ts';
import { clickToCall, HookError, recordingUrl, sendHook, type Fetch } from './http-hooks.ts';

/** What the adapter drives of the agent's phone (src/sip `SipPhone`, through the app's facade). */
export interface SipLine {
  /**
   * Sends an INVITE. `customerCall`: the agent's dial, shown to the machine as the dial's leg (the
   * app's facade); a supervision feature code is not.
   */
  call(target: string, options: { readonly customerCall: boolean }): Promise<void>;
  hangUp(): Promise<void>;
  sendDtmf(digits: string): Promise<void>;
  setReady(ready: boolean, refusal?: 486 | 480): void;
  transfer(target: string): Promise<void>;
  consult(target: string): Promise<void>;
  completeTransfer(): Promise<void>;
  cancelTransfer(): Promise<void>;
  conference(): Promise<void>;
  readonly currentCall: { readonly phase: string } | undefined;
  readonly consultCall: { readonly phase: string } | undefined;
}

/** The settings the adapter reads (the validated `sipPlatform` section). */
export type SipPlatformSettings = Pick<SipPlatformConfig, 'dialPlan' | 'popHeaders' | 'notReadyStatus' | 'hooks' | 'hookSecret' | 'supervision'>;

/** How to build a {@link SipPlatform}. */
export interface SipPlatformOptions {
  readonly settings: SipPlatformSettings;
  readonly warn: (message: string, cause?: unknown) => void;
  readonly now?: () => number;
  readonly fetch?: Fetch;
  /** How long `invite` waits for the consulted party to answer before giving up (default 60 s). */
  readonly inviteAnswerTimeoutMs?: number;
}

/** What a finished call leaves for the call-end hook and the Task. */
export interface EndedCall {
  readonly sipCallId: string;
  readonly callerNumber: string;
  readonly direction: 'incoming' | 'outgoing';
}

const ok = (value: boolean | string | null = true): CommandOutcome => ({ ok: true, value });
const fail = (code: FailureCode, detail: string): CommandOutcome => ({ ok: false, failure: { code, detail } });

/** The sip platform adapter. */
export class SipPlatform implements PlatformPort<AgentEvent> {
  readonly capabilities: PlatformCapabilities;
  private line: SipLine | undefined;
  private listener: PlatformListener<AgentEvent> | undefined;
  /** The agent's SIP user (`{ramal}` of the hooks): the phone's, not the login template's `SIP/1001`. */
  private device = '';
  /** The call id the click-to-call hook answered, for the call the PBX then rings us with. */
  private hookCallId: string | null = null;
  /** SIP Call-ID → the hook's call id, for the call-end hook of a click-to-call call. */
  private readonly hookIds = new Map<string, string>();
  /**
   * A click-to-call request in flight. The PBX may ring us before the API answers (it originates
   * first): that INVITE is the hook's call all the same, and waits here for the hook's id.
   */
  private hookPending: { offered: string | null } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SipPlatformOptions) {
    const codes = options.settings.supervision;
    this.capabilities = sipCapabilities(codes.listen !== null || codes.whisper !== null || codes.barge !== null);
    this.now = options.now ?? (() => Date.now());
  }

  /** The phone of this login, registered as SIP user `ramal` (`{ramal}` of the hooks). */
  attach(line: SipLine, ramal: string): void {
    this.line = line;
    this.device = ramal;
  }

  async run(command: PlatformCommand): Promise<CommandOutcome> {
    const line = this.line;
    try {
      switch (command.command) {
        case 'login':
          line?.setReady(true);
          return ok();
        case 'logout':
        case 'showingContact':
        case 'release':
          return ok();
        case 'pause':
          line?.setReady(false, this.options.settings.notReadyStatus);
          return ok();
        case 'unpause':
          line?.setReady(true);
          return ok();
        case 'dial':
          return await this.dial(command.number);
        case 'hangUp':
          if (line?.currentCall !== undefined && line.currentCall.phase !== 'ended') await line.hangUp();
          return ok();
        case 'sendDigits':
          await this.need(line, command.command).sendDtmf(command.digits);
          return ok();
        case 'transfer': {
          const target = this.targetOf(command.target);
          if (target === null) return fail('UNSUPPORTED', `a plain SIP PBX cannot transfer to a ${command.target.kind} (expected a number or a user)`);
          const phone = this.need(line, command.command);
          await (command.mode === 'blind' ? phone.transfer(target) : phone.consult(target));
          return ok();
        }
        case 'completeTransfer':
          await this.need(line, command.command).completeTransfer();
          return ok();
        case 'cancelTransfer':
          await this.need(line, command.command).cancelTransfer();
          return ok();
        case 'startConference':
          // The browser mixes the legs once a party answers (`invite`): nothing to send yet.
          return ok();
        case 'invite':
          return await this.invite(this.need(line, command.command), command.target);
        case 'monitor':
          return await this.monitor(command.monitored, command.mode);
        case 'stopMonitor':
          if (line?.currentCall !== undefined) await line.hangUp();
          return ok();
        default:
          return fail('UNSUPPORTED', `${command.command} needs a contact-center platform; a plain SIP PBX has no such operation`);
      }
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }

  watch(_agent: string, listener: PlatformListener<AgentEvent>): PlatformWatch {
    return {
      start: () => {
        this.listener = listener;
      },
      stop: () => {
        if (this.listener === listener) this.listener = undefined;
      },
    };
  }

  /** An INVITE reached the phone: the call is offered, with its pop data (before the machine sees the INVITE). */
  offered(call: OfferedCall): void {
    const at = this.now();
    // A call the click-to-call hook asked for is the hook's call: it keeps the hook's id.
    const hookId = this.hookCallId;
    this.hookCallId = null;
    if (hookId !== null) {
      this.hookIds.set(call.sipCallId, hookId);
      return;
    }
    if (this.hookPending !== null && this.hookPending.offered === null) {
      this.hookPending.offered = call.sipCallId;
      return;
    }
    const { events, dropped } = offeredCallFacts(call, this.options.settings.popHeaders, at);
    if (dropped.length > 0) this.options.warn(`pop headers of call ${call.sipCallId} dropped: ${dropped.join('; ')}`);
    for (const event of events) this.listener?.onEvent(event);
  }

  /** A call the machine saw was answered: the call-start hook (seed 002: `ramal`, `telefone`), fire-and-forget. */
  started(call: EndedCall): void {
    const template = this.options.settings.hooks.callStart;
    if (template === null) return;
    const values = this.hookValues(call.callerNumber, this.hookIds.get(call.sipCallId) ?? call.sipCallId);
    void sendHook('callStart', template, values, this.options.fetch).catch((error: unknown) => this.options.warn('the call-start hook failed', error));
  }

  /** A call ended: the call-end hook, fire-and-forget (a failure is a warning, never the agent's problem). */
  ended(call: EndedCall): void {
    const template = this.options.settings.hooks.callEnd;
    if (template === null) {
      this.hookIds.delete(call.sipCallId);
      return;
    }
    const callId = this.hookIds.get(call.sipCallId) ?? call.sipCallId;
    this.hookIds.delete(call.sipCallId);
    const values = this.hookValues(call.callerNumber, callId);
    const recording = this.options.settings.hooks.recording;
    const withAudio: HookValues = recording === null ? values : { ...values, url_audio: safeRecordingUrl(recording, values) };
    void sendHook('callEnd', template, withAudio, this.options.fetch).catch((error: unknown) => this.options.warn('the call-end hook failed', error));
  }

  /** The placeholders of the hooks for one call (the secret included: the hooks hide it in every message). */
  hookValues(telefone: string, callId: string): HookValues {
    const chave = this.options.settings.hookSecret;
    return { ramal: this.device, agent: this.device, telefone, callId, ...(chave === null ? {} : { chave }) };
  }

  private async dial(number: string): Promise<CommandOutcome> {
    const plan = applyDialPlan(number, this.options.settings.dialPlan);
    if (!plan.ok) return fail('REFUSED', `dial ${JSON.stringify(number)}: ${plan.problem}`);
    const hook = this.options.settings.hooks.clickToCall;
    if (hook !== null) {
      const pending: { offered: string | null } = { offered: null };
      this.hookPending = pending;
      let callId: string;
      try {
        callId = await clickToCall(hook, this.hookValues(plan.user, ''), this.options.fetch);
      } finally {
        if (this.hookPending === pending) this.hookPending = null;
      }
      const id = sipCallIdOf(callId);
      if (pending.offered === null) this.hookCallId = callId;
      else this.hookIds.set(pending.offered, callId);
      // The PBX now calls the agent; the call carries the hook's id from here on (Task, hooks).
      if (id !== null) this.listener?.onEvent({ kind: 'platformCallStarted', at: this.now(), callId: id, direction: 'outbound', number: plan.user, queue: null, campaign: null, callType: 'Manual', clave: null });
      return ok(callId);
    }
    const line = this.need(this.line, 'dial');
    await line.call(plan.user, { customerCall: true });
    return ok();
  }

  private async invite(line: SipLine, target: TransferTarget): Promise<CommandOutcome> {
    const to = this.targetOf(target);
    if (to === null) return fail('UNSUPPORTED', `a plain SIP PBX cannot invite a ${target.kind}`);
    await line.consult(to);
    const deadline = this.now() + (this.options.inviteAnswerTimeoutMs ?? 60_000);
    // The mix needs the consulted party's media: wait for the answer (bounded), then join the legs.
    while (line.consultCall?.phase !== 'established') {
      if (line.consultCall === undefined || line.consultCall.phase === 'ended') return fail('REFUSED', `${to} did not answer the conference invitation`);
      if (this.now() > deadline) {
        await line.cancelTransfer();
        return fail('UNREACHABLE', `${to} did not answer within ${Math.round((this.options.inviteAnswerTimeoutMs ?? 60_000) / 1000)} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await line.conference();
    return ok(to);
  }

  private async monitor(monitored: string, mode: 'listen' | 'assist' | 'barge'): Promise<CommandOutcome> {
    // Assist is the PBX's whisper; each mode is the deployment's feature code (sipListenCode, sipWhisperCode, sipBargeCode).
    const dialString = supervisionDialString(this.options.settings.supervision, mode === 'assist' ? 'whisper' : mode, monitored);
    if (dialString === null) return fail('UNSUPPORTED', `no feature code is set for ${mode} (sipListenCode / sipWhisperCode / sipBargeCode), or agent ${JSON.stringify(monitored)} is not an extension`);
    await this.need(this.line, 'monitor').call(dialString, { customerCall: false });
    return ok();
  }

  private targetOf(target: TransferTarget): string | null {
    if (target.kind === 'user') return target.user;
    if (target.kind !== 'number') return null;
    const plan = applyDialPlan(target.number, this.options.settings.dialPlan);
    return plan.ok ? plan.user : null;
  }

  private need(line: SipLine | undefined, what: string): SipLine {
    if (line === undefined) throw new LineMissing(`${what}: the phone is not registered (log in again)`);
    return line;
  }
}

class LineMissing extends Error {}

function safeRecordingUrl(template: Parameters<typeof recordingUrl>[0], values: HookValues): string {
  try {
    return recordingUrl(template, values, { forStorage: true });
  } catch {
    return '';
  }
}

/** A thrown hook or phone error as a domain failure (the message is the detail; it never holds the secret). */
function failureOf(error: unknown): { code: FailureCode; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof LineMissing) return { code: 'DEVICE_UNAVAILABLE', detail };
  if (error instanceof HookError) {
    const code: FailureCode = error.code === 'hook-timeout' || error.code === 'hook-network' ? 'UNREACHABLE' : error.code === 'hook-status' ? 'REFUSED' : 'MISCONFIGURED';
    return { code, detail };
  }
  const phoneCode = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (phoneCode === 'not-registered' || phoneCode.startsWith('microphone')) return { code: 'DEVICE_UNAVAILABLE', detail };
  if (phoneCode === 'transfer-failed' || phoneCode === 'call-in-progress' || phoneCode === 'invalid-target' || phoneCode === 'no-consult-call' || phoneCode === 'no-call') return { code: 'REFUSED', detail };
  return { code: 'UNREACHABLE', detail };
}
