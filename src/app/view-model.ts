/**
 * Builds the {@link AgentView} the components draw from the machine's state and the validated
 * configuration. Pure: the runtime calls it after every change.
 */
import { ALL_CAPABILITIES, hasCall, type AgentState, type CallState, type PlatformCapabilities } from '../call/index.ts';
import type { Config, CrmConfig } from '../config/index.ts';
import { planPop } from '../crm/screen-pop-policy.ts';
import type { AgentOptions, AgentView, CallInfo } from '../view/agent-view.ts';
import { agentOptionsOf, freshViewOf, NO_CALL_INFO } from './first-view.ts';
import { intentAvailabilityOf, offeredChoicesOf } from './intent-availability.ts';
import { machineConfigFrom } from './machine-config.ts';

/** What the call center offers the agent (first-view.ts); every capability unless told otherwise. */
export function agentOptionsFrom(config: Config, can: PlatformCapabilities = ALL_CAPABILITIES): AgentOptions {
  return agentOptionsOf(config, can);
}

export { DEFAULT_PREFERENCES, NO_DEVICES } from './first-view.ts';

/**
 * The information panel of the seed. The last call id is shown only while the call is up: from
 * the wrap-up on it is `0`, even though the contact stays on screen (seed 004: "una vez
 * finalizado, pasará a valor 0", because one contact may take several calls). The contact's ids
 * stay until the agent is done with it. The search key is the key the screen pop searches
 * Salesforce by ({@link searchKeyOf}), not the raw `DATA` or the number.
 */
export function callInfoOf(agent: AgentState, crm: CrmConfig): CallInfo {
  if (!hasCall(agent)) return NO_CALL_INFO;
  const { call } = agent;
  const contact = call.contact;
  return {
    lastCallId: agent.phase === 'wrapUp' ? '0' : (call.callId ?? '0'),
    contactId: contact ? String(contact.contactId) : '',
    baseId: contact ? String(contact.base) : '',
    crmId: contact ? String(contact.crm) : '',
    searchKey: searchKeyOf(agent, crm),
  };
}

/**
 * The key the screen pop searched by: the first (most precise) key of its plan — the IVR national
 * id before the number, the CLAVESF data part rather than the whole `CLAVE` — or the record id the
 * dialer sent. `''` when the softphone layout decides (no search).
 */
export function searchKeyOf(agent: CallState, crm: CrmConfig): string {
  const plan = planPop(agent.call, crm);
  if (plan.kind === 'record') return plan.recordId;
  if (plan.kind === 'search') return plan.searches[0]?.value ?? '';
  return '';
}

/** A fresh view for a page that just read its configuration. */
export function initialView(agent: AgentState, config: Config, can: PlatformCapabilities = ALL_CAPABILITIES): AgentView {
  const options = agentOptionsOf(config, can);
  return {
    ...freshViewOf(agent, options),
    info: callInfoOf(agent, config.crm),
    can: intentAvailabilityOf(agent, { config: machineConfigFrom(config) }, 0, offeredChoicesOf(options)),
  };
}
