/**
 * Agent sessions: Login/Logout, outbound campaign in/out, breaks and administrative time.
 * Every rule checks first and changes state last, so a refused request leaves nothing behind.
 */
import { endCall, monitorCallOf, monitorsOf, removeParty } from './call-legs.ts';
import type { AgentSession } from './model.ts';
import { faults } from './neo-fault.ts';
import type { World } from './world.ts';

/** `Login(DEVICE, USUARIO, CLAVE)`. Re-login of the same user on the same device is accepted (page reload). */
export function login(world: World, device: string, user: string, password: string): void {
  const spec = world.users.get(user);
  if (!spec) throw faults.unknownUser(user);
  if (spec.password !== password) throw faults.wrongPassword(user);
  const deviceSpec = world.devices.get(device.toUpperCase());
  const registered = deviceSpec ? world.pbx.registration(deviceSpec.name) : undefined;
  if (!deviceSpec || (world.scenario.platform.requireRegistration && !registered)) throw faults.positionNotFound(device);
  const holder = world.sessionOnDevice(deviceSpec.name);
  if (holder && holder.user.id !== user) throw faults.positionNotFree(device);
  const existing = world.sessions.get(user);
  if (existing && existing.device !== deviceSpec.name) throw faults.alreadyLogged(user, existing.device);
  if (existing) return;
  if (world.sessions.size >= world.scenario.platform.licenses) throw faults.noLicenses();
  const now = world.now();
  const session: AgentSession = {
    user: spec,
    device: deviceSpec.name,
    loginAt: now,
    campaign: undefined,
    campaignLoginAt: undefined,
    breakSubtype: 0,
    breakStartedAt: undefined,
    breakEndedAt: undefined,
    crmState: 'Available',
    crmSince: undefined,
    record: undefined,
    call: undefined,
    last: { subState: '', campaign: 0, queue: 0, phone: '', callType: 'NotSet', origin: '', direction: '', callId: '0' },
    lastCallStartedAt: undefined,
    reserved: false,
    idleSince: now,
    delivered: new Set(),
  };
  world.sessions.set(user, session);
  world.requestDistribution();
}

/** `Logout(USUARIO)`: ends the agent's call and monitoring, releases the record, frees the licence. */
export function logout(world: World, user: string): void {
  const session = world.requireSession(user);
  const call = session.call;
  if (call?.agent === user) endCall(world, call, 'logout');
  else if (call) {
    // Consulted or invited into someone else's call: only this user's leg goes.
    const party = [call.consult, ...call.participants].find((p) => p?.user === user);
    if (party) removeParty(world, call, party);
  }
  for (const pending of [...world.calls.values()]) if (pending.reservedAgent === user) endCall(world, pending, 'the reserved agent logged out');
  const ownMonitor = monitorCallOf(world, user);
  if (ownMonitor) endCall(world, ownMonitor, 'logout');
  for (const monitor of monitorsOf(world, user)) endCall(world, monitor, 'monitored agent logged out');
  releaseRecord(world, session);
  world.sessions.delete(user);
  world.requestDistribution();
}

/** Puts an undelivered/uncategorised record back in the dialer's pools and clears the screen. */
export function releaseRecord(world: World, session: AgentSession): void {
  const record = session.record;
  if (record) {
    const entry = world.contacts.get(record.base, record.contactId);
    if (entry) world.contacts.release(entry);
  }
  session.record = undefined;
}

/** `Login_Campaign` / `Login_Campaña` / `Login_Campaign2`. Switching campaigns is allowed. */
export function loginCampaign(world: World, user: string, campaignId: number): void {
  const session = world.requireSession(user);
  const campaign = world.campaigns.get(campaignId);
  if (!campaign) throw faults.campaignNotFound(campaignId);
  if (campaign.type === 'inbound') throw faults.notOutboundCampaign(campaignId);
  if (campaign.users.length > 0 && !campaign.users.includes(user)) throw faults.notAssigned(user, campaignId);
  if (session.campaign?.id !== campaignId) session.campaignLoginAt = world.now();
  session.campaign = campaign;
  world.requestDistribution();
}

/** `Logout_Campaign(USUARIO[, CAMPAÑA])`: CAMPAÑA, when sent (≠ 0), must be the current campaign. */
export function logoutCampaign(world: World, user: string, campaignId: number | undefined): void {
  const session = world.requireSession(user);
  if (campaignId !== undefined && campaignId !== 0 && session.campaign?.id !== campaignId) throw faults.notInCampaign(user, campaignId);
  session.campaign = undefined;
  session.campaignLoginAt = undefined;
}

/** `Pause(USUARIO, SUBTIPO_DESCANSO)`: starts (or switches to) a break. */
export function pause(world: World, user: string, subtype: number): void {
  const session = world.requireSession(user);
  if (!world.breaks.has(subtype)) throw faults.breakNotFound(subtype);
  if (session.breakSubtype !== subtype) session.breakStartedAt = world.now();
  session.breakSubtype = subtype;
}

/** `Unpause(USUARIO)`: ends the break (no-op when not on one). */
export function unpause(world: World, user: string): void {
  const session = world.requireSession(user);
  if (session.breakSubtype === 0) return;
  session.breakSubtype = 0;
  session.breakEndedAt = world.now();
  session.idleSince = world.now();
  world.requestDistribution();
}

/** `Descanso(USUARIO, DESCANSO)`: true = break of the default sub-type, false = end it. */
export function descanso(world: World, user: string, on: boolean): void {
  if (on) pause(world, user, world.scenario.platform.defaultBreak);
  else unpause(world, user);
}

/** `Tiempo_Administrativo(USUARIO, TIEMPO_ADM)`: the administrative break sub-type on/off. */
export function administrativeTime(world: World, user: string, on: boolean): void {
  const session = world.requireSession(user);
  if (on) pause(world, user, world.scenario.platform.adminBreak);
  else if (session.breakSubtype === world.scenario.platform.adminBreak) unpause(world, user);
}

/** Whether the agent can take new work (dialer delivery or a queued call). */
export function isFreeForWork(world: World, session: AgentSession): boolean {
  return (
    !session.call &&
    !session.reserved &&
    session.breakSubtype === 0 &&
    session.crmState === 'Available' &&
    world.pbx.registration(session.device) !== undefined &&
    monitorCallOf(world, session.user.id) === undefined
  );
}
