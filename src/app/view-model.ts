/**
 * Builds the {@link AgentView} the components draw from the machine's state and the validated
 * configuration. Pure: the runtime calls it after every change.
 */
import { hasCall, type AgentState } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { AgentOptions, AgentPreferences, AgentView, AudioDeviceList, CallInfo } from '../controllers/agent-view.ts';

/** What the call center offers the agent. */
export function agentOptionsFrom(config: Config): AgentOptions {
  return {
    breakTypes: config.agent.breakTypes,
    campaigns: config.agent.campaigns,
    queues: config.transfers.queues,
    categories: config.categories,
    allowCategorization: config.crm.allowCategorization,
    allowContactRelease: config.crm.allowContactRelease,
    schedulingMethod: config.crm.schedulingMethod,
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
};

/** Devices before the browser was asked. */
export const NO_DEVICES: AudioDeviceList = { microphones: [], speakers: [], canSelectOutput: false, microphonePermission: 'unknown' };

/**
 * The information panel of the seed: the call's platform ids while there is a call (and during
 * its wrap-up), `0` and blanks once the agent is done with it.
 */
export function callInfoOf(agent: AgentState): CallInfo {
  if (!hasCall(agent)) return { lastCallId: '0', contactId: '', baseId: '', crmId: '', searchKey: '' };
  const { call } = agent;
  const contact = call.contact;
  return {
    lastCallId: call.callId ?? '0',
    contactId: contact ? String(contact.contactId) : '',
    baseId: contact ? String(contact.base) : '',
    crmId: contact ? String(contact.crm) : '',
    searchKey: contact?.data ?? call.number ?? '',
  };
}

/** A fresh view for a page that just read its configuration. */
export function initialView(agent: AgentState, config: Config): AgentView {
  return {
    agent,
    options: agentOptionsFrom(config),
    info: callInfoOf(agent),
    notices: [],
    tab: 'alone',
    prefs: DEFAULT_PREFERENCES,
    devices: NO_DEVICES,
    confirmLogout: false,
    dialError: null,
    record: null,
  };
}
