/**
 * The view a session starts from — logged out, preferences and devices not read yet — built from
 * the validated configuration alone, without the session's code (its chunk holds the call machine,
 * the runtime and the platforms). The shell draws the login form from it as soon as the settings
 * are valid, while that chunk loads (softphone-app.ts; docs/benchmarks.md, "Eleventh pass"). The
 * session's runtime starts from the same pieces (view-model.ts `initialView`), and
 * test/app/first-view.test.ts holds the two equal.
 */
import { initialState } from '../call/state.ts';
import type { PlatformCapabilities } from '../call/platform.ts';
import type { Config } from '../config/index.ts';
import type { AgentOptions, AgentPreferences, AgentView, AudioDeviceList, CallInfo } from '../view/agent-view.ts';
import { OFFERED_INTENTS, type Availability, type IntentAvailability, type OfferedIntent } from '../view/intent-availability-view.ts';
import { machineConfigFrom } from './machine-config.ts';

/**
 * What the call center offers the agent: the configuration, cut down to what the platform can do
 * (a platform without campaigns or breaks shows no campaign picker or break menu, whatever the
 * settings list).
 */
export function agentOptionsOf(config: Config, can: PlatformCapabilities): AgentOptions {
  return {
    breakTypes: can.breaks ? config.agent.breakTypes : [],
    campaigns: can.campaigns ? config.agent.campaigns : [],
    queues: can.queueTransfer ? config.transfers.queues : [],
    categories: config.categories,
    allowCategorization: config.crm.allowCategorization && can.categorisation,
    allowContactRelease: config.crm.allowContactRelease,
    callbackBooking: machineConfigFrom(config).callbackBooking,
    rememberUser: config.agent.rememberUser,
    allowRememberDevicePassword: config.agent.allowRememberDevicePassword,
    loginDeviceTemplate: config.connection.loginDeviceTemplate,
    defaultCountry: config.agent.defaultCountry,
  };
}

/** Preferences before IndexedDB answered. */
export const DEFAULT_PREFERENCES: AgentPreferences = {
  user: '',
  device: '',
  devicePasswordRemembered: false,
  panelWidth: null,
  panelHeight: null,
  autoMinimise: false,
  microphoneId: null,
  speakerId: null,
  ringerId: null,
  language: null,
};

/** Devices before the browser was asked. */
export const NO_DEVICES: AudioDeviceList = { microphones: [], speakers: [], canSelectOutput: false, microphonePermission: 'unknown' };

/** The information panel without a call. */
export const NO_CALL_INFO: CallInfo = { lastCallId: '0', contactId: '', baseId: '', crmId: '', searchKey: '' };

/**
 * What the machine answers a logged-out agent for every offered intent, break and campaign: not
 * logged in (src/call/unhandled.ts). The runtime computes it by a dry run of
 * `transition()`; the test keeps this copy equal to that.
 */
function loggedOutAvailability(options: AgentOptions): IntentAvailability {
  const refused: Availability = { ok: false, code: 'NOT_LOGGED_IN' };
  const intents = Object.fromEntries(OFFERED_INTENTS.map((kind) => [kind, refused])) as Record<OfferedIntent, Availability>;
  return {
    intents,
    kickParticipant: {},
    pause: Object.fromEntries(options.breakTypes.map((b) => [b.id, refused])),
    enterCampaign: Object.fromEntries(options.campaigns.map((c) => [c.id, refused])),
  };
}

/** The rest of a fresh view, whatever the machine's state (view-model.ts adds `info` and `can`). */
export function freshViewOf(agent: AgentView['agent'], options: AgentOptions): Omit<AgentView, 'info' | 'can'> {
  return { agent, options, notices: [], tab: 'alone', prefs: DEFAULT_PREFERENCES, devices: NO_DEVICES, confirmLogout: false, dialError: null, record: null };
}

/** The view of a page that just read its configuration, on a platform that can do `can`: what the session shows first. */
export function loggedOutView(config: Config, can: PlatformCapabilities): AgentView {
  const options = agentOptionsOf(config, can);
  return { ...freshViewOf(initialState(), options), info: NO_CALL_INFO, can: loggedOutAvailability(options) };
}
