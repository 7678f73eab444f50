/**
 * The simulated Neotel contact center: one object the NeoApi layer and the control API talk to.
 * It owns the {@link World} and wires the flow modules together; each NeoApi method maps to one
 * method here, named after it.
 */
import { encodeWav } from '../pbx/media/wav.ts';
import type { CustomerLeg, Pbx } from '../pbx/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { activeCall, dial, hangup, placeInbound, setRecording, type InboundInput } from './agent-calls.ts';
import { endCall, note } from './call-legs.ts';
import type { Clock } from './clock.ts';
import { cancelInvitation, inviteParticipant, joinConference, kickAll, kickParticipant, setAllMuted, setParticipantMuted, startMonitor, stopMonitor } from './conference.ts';
import { addScheduleCall, closeContact, crmAvailable, crmShowingContact, crmUnavailable, updateContact, type UpdateContactInput, type WallDate } from './crm-records.ts';
import { distribute, startDistribution } from './distribution.ts';
import { sendTextMessage } from './text-messages.ts';
import { executeTask, listBreakTypes, listCampaigns, listQueues, listSubcategories, listUsers } from './listings.ts';
import type { Call } from './model.ts';
import { faults } from './neo-fault.ts';
import { renderPosition } from './position-builder.ts';
import { administrativeTime, descanso, login, loginCampaign, logout, logoutCampaign, pause, unpause } from './sessions.ts';
import { describeCall, type CallSummary } from './summaries.ts';
import {
  attendedTransfer,
  attendedTransferQueue,
  blindTransfer,
  blindTransferCampaign,
  attendedTransferCampaign,
  blindTransferQueue,
  completeTransfer,
  endConsultation,
  endTransfer,
  ownerLegGone,
  transferToListEntry,
} from './transfers.ts';
import { World } from './world.ts';

export interface ContactCenterOptions {
  scenario: Scenario;
  pbx: Pbx;
  clock?: Clock;
  /** Run the dialer/queue timers (default true; unit tests may drive {@link ContactCenter.distributeNow} by hand). */
  timers?: boolean;
}

const TRANSFER_LIST_CODE = /\*12(\d{2})$/;

export class ContactCenter {
  readonly world: World;

  constructor(options: ContactCenterOptions) {
    this.world = new World(options.scenario, options.pbx, options.clock);
    const world = this.world;
    for (const device of options.scenario.devices) options.pbx.setDevicePassword(device.name, device.password);
    world.hooks = {
      ownerLegGone: (call, leg, reason) => ownerLegGone(world, call, leg, reason),
      agentDigit: (call, digit) => this.agentDigit(call, digit),
    };
    if (options.timers === false) world.setDistribution(() => undefined);
    else startDistribution(world);
  }

  // ── Session ───────────────────────────────────────────────────────────────
  login(device: string, user: string, password: string): void {
    login(this.world, device, user, password);
  }
  logout(user: string): void {
    logout(this.world, user);
  }
  validate(phone: string, campaignId: number): boolean {
    const campaign = this.world.campaigns.get(campaignId);
    if (!campaign) throw faults.campaignNotFound(campaignId);
    return /^\+?\d+$/.test(phone.trim()) && !campaign.blockedNumbers.includes(phone.trim());
  }
  loginCampaign(user: string, campaign: number): void {
    loginCampaign(this.world, user, campaign);
  }
  logoutCampaign(user: string, campaign: number | undefined): void {
    logoutCampaign(this.world, user, campaign);
  }

  // ── Agent state ───────────────────────────────────────────────────────────
  pause(user: string, subtype: number): void {
    pause(this.world, user, subtype);
  }
  unpause(user: string): void {
    unpause(this.world, user);
  }
  descanso(user: string, on: boolean): void {
    descanso(this.world, user, on);
  }
  administrativeTime(user: string, on: boolean): void {
    administrativeTime(this.world, user, on);
  }
  crmAvailable(user: string): void {
    crmAvailable(this.world, user);
  }
  /** `SendTextMessage` (text-messages.ts). */
  sendTextMessage(user: string, phone: string, text: string, channel: string): string {
    return sendTextMessage(this.world, user, phone, text, channel);
  }
  crmUnavailable(user: string): boolean {
    return crmUnavailable(this.world, user);
  }
  position(user: string): string {
    return renderPosition(this.world, this.world.requireSession(user));
  }

  // ── Contacts ──────────────────────────────────────────────────────────────
  crmShowingContact(user: string, base: number, contactId: number, data: string): void {
    crmShowingContact(this.world, user, base, contactId, data);
  }
  updateContact(input: UpdateContactInput): void {
    updateContact(this.world, input);
  }
  addScheduleCall(user: string, base: number, contactId: number, phone: string, at: WallDate): string {
    return addScheduleCall(this.world, user, base, contactId, phone, at);
  }
  closeContact(base: number, contactId: number): void {
    closeContact(this.world, base, contactId);
  }

  // ── Calls ─────────────────────────────────────────────────────────────────
  dial(user: string, phone: string): boolean {
    return dial(this.world, user, phone);
  }
  hangup(user: string): void {
    hangup(this.world, user, (call) => endConsultation(this.world, call));
  }
  sendDtmf(user: string, digits: string): void {
    const call = activeCall(this.world, user);
    note(this.world, call, `SendDTMF ${digits}`);
    for (const digit of digits) {
      if (call.phase === 'ended' || call.agent !== user) break;
      this.agentDigit(call, digit);
    }
  }
  setRecording(user: string, on: boolean): void {
    setRecording(this.world, user, on);
  }

  // ── Transfers, conference, monitoring ─────────────────────────────────────
  blindTransfer(user: string, extension: string): void {
    blindTransfer(this.world, user, extension);
  }
  blindTransferQueue(user: string, queue: number): void {
    blindTransferQueue(this.world, user, queue);
  }
  blindTransferCampaign(user: string, campaign: number): void {
    blindTransferCampaign(this.world, user, campaign);
  }
  attendedTransfer(user: string, extension: string): void {
    attendedTransfer(this.world, user, extension);
  }
  attendedTransferQueue(user: string, queue: number): void {
    attendedTransferQueue(this.world, user, queue);
  }
  attendedTransferCampaign(user: string, campaign: number): void {
    attendedTransferCampaign(this.world, user, campaign);
  }
  completeTransfer(user: string): void {
    completeTransfer(this.world, user);
  }
  endTransfer(user: string): void {
    endTransfer(this.world, user);
  }
  joinConference(user: string): void {
    joinConference(this.world, user);
  }
  inviteParticipant(user: string, extension: string): string {
    return inviteParticipant(this.world, user, extension);
  }
  cancelInvitation(user: string, participant: string): void {
    cancelInvitation(this.world, user, participant);
  }
  kickParticipant(user: string, participant: string): void {
    kickParticipant(this.world, user, participant);
  }
  kickAll(user: string): void {
    kickAll(this.world, user);
  }
  setParticipantMuted(user: string, participant: string, muted: boolean): void {
    setParticipantMuted(this.world, user, participant, muted);
  }
  setAllMuted(user: string, muted: boolean): void {
    setAllMuted(this.world, user, muted);
  }
  startMonitor(supervisor: string, agent: string, mode: string): void {
    startMonitor(this.world, supervisor, agent, mode);
  }
  stopMonitor(supervisor: string): void {
    stopMonitor(this.world, supervisor);
  }

  // ── Listings and tasks ────────────────────────────────────────────────────
  listUsers(user: string): string {
    return listUsers(this.world, user);
  }
  listQueues(user: string): string {
    return listQueues(this.world, user);
  }
  listCampaigns(user: string): string {
    return listCampaigns(this.world, user);
  }
  listBreakTypes(user: string): string {
    return listBreakTypes(this.world, user);
  }
  listSubcategories(user: string): string {
    return listSubcategories(this.world, user);
  }
  executeTask(taskId: number, params: readonly string[]): string {
    return executeTask(this.world, taskId, params);
  }

  // ── Control (the person playing the customer, tests) ──────────────────────
  /** A customer calls a queue. */
  placeInbound(input: InboundInput): Call {
    return placeInbound(this.world, input);
  }
  /** The customer of a call hangs up (or rejects, while it still rings). */
  customerHangup(callId: string): void {
    const leg: CustomerLeg & { hangupAsCustomer?: () => void } = this.customerOf(callId);
    // The real PBX can end the leg as the customer (reason `remote`); the seam only has hangup().
    if (typeof leg.hangupAsCustomer === 'function') leg.hangupAsCustomer();
    else leg.hangup();
  }
  pressDigits(callId: string, digits: string): void {
    this.customerOf(callId).pressDigits(digits);
  }
  speakTone(callId: string, hz: number, durationMs: number): void {
    this.customerOf(callId).speakTone(hz, durationMs);
  }
  setDialerRunning(running: boolean): void {
    this.world.dialerRunning = running;
    if (running) this.world.requestDistribution();
  }
  /** One distribution pass now, the dialer included even when it is stopped (tests, one-off deliveries). */
  distributeNow(): void {
    distribute(this.world, { dialer: true });
  }
  /** Position of every logged-in user. */
  positions(): { user: string; device: string; position: string }[] {
    return [...this.world.sessions.values()].map((s) => ({ user: s.user.id, device: s.device, position: renderPosition(this.world, s) }));
  }
  /** Active calls first, then the most recent ended ones. */
  calls(): CallSummary[] {
    return [...this.world.calls.values(), ...[...this.world.finished].reverse()].map((c) => describeCall(c));
  }
  call(callId: string): CallSummary | undefined {
    const call = this.world.findCall(callId);
    return call ? describeCall(call) : undefined;
  }
  /** The WAV of a call, once the PBX mixed audio for it. */
  recording(callId: string): Uint8Array | undefined {
    return this.world.pbx.recording(callId)?.wav();
  }
  /** What the call's customer heard so far, as WAV (undefined without a customer leg). */
  customerHeard(callId: string): Uint8Array | undefined {
    const leg = this.world.calls.get(callId)?.customer?.leg;
    return leg?.kind === 'customer' ? encodeWav((leg as CustomerLeg).heard()) : undefined;
  }
  /** Ends every call (legs hung up, rooms closed) and stops the timers. */
  shutdown(): void {
    for (const call of [...this.world.calls.values()]) endCall(this.world, call, 'simulator reset or closing');
    this.world.close();
  }

  private customerOf(callId: string): CustomerLeg {
    const call = this.world.calls.get(callId);
    const leg = call?.customer?.leg;
    if (!call || leg?.kind !== 'customer') throw new Error(`No active call ${JSON.stringify(callId)} with a customer; active calls: ${[...this.world.calls.keys()].join(', ') || 'none'}`);
    return leg as CustomerLeg;
  }

  /** A digit from the agent's side: recorded, and `*12NN` transfers to the campaign list entry NN. */
  private agentDigit(call: Call, digit: string): void {
    call.digitsSent += digit;
    const code = TRANSFER_LIST_CODE.exec(call.digitsSent);
    if (!code) return;
    call.digitsSent += ' '; // consume the code: it must not fire twice
    try {
      transferToListEntry(this.world, call, Number(code[1]));
    } catch (error) {
      note(this.world, call, `*12${code[1] ?? ''} refused: ${(error as Error).message}`);
    }
  }
}
