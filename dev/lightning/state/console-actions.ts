import { insertRecord } from '../records/dml.ts';
import { recordName } from '../records/record-store.ts';
import { findField } from '../records/schema.ts';
import type { HostUpdate } from '../views/rendered.ts';
import type { LightningEmulator } from './emulator.ts';
import type { HostTab } from './host-tab.ts';

/**
 * What a person does in the console — click a phone number, save or cancel the new-record
 * modal, open or close the utility panel — and what the console does on its own (re-create the
 * softphone frame, switch to the standby adapter). Used by the host page and the control API.
 */

export type ClickToDialResult =
  | { delivered: true; payload: Record<string, unknown> }
  | { delivered: false; reason: 'disabled' | 'no-listener' | 'no-record' | 'not-a-phone'; payload?: Record<string, unknown> };

/**
 * A click on a phone field: fires `onClickToDial` with the number as displayed, only while the
 * softphone has click-to-dial enabled (Salesforce renders the number inert otherwise).
 */
export function clickPhoneField(emulator: LightningEmulator, tab: HostTab, recordId: unknown, field: unknown): ClickToDialResult {
  const record = typeof recordId === 'string' ? emulator.records.get(recordId) : undefined;
  if (!record) return { delivered: false, reason: 'no-record' };
  const def = typeof field === 'string' ? findField(record.objectName, field) : undefined;
  const number = def ? record.fields[def.apiName] : undefined;
  if (def?.type !== 'phone' || typeof number !== 'string' || number === '') return { delivered: false, reason: 'not-a-phone' };
  const payload = { number, recordId: String(record.fields.Id), recordName: recordName(record), objectType: record.objectName };
  if (!tab.clickToDialEnabled) return { delivered: false, reason: 'disabled', payload };
  return tab.emit('onClickToDial', payload) ? { delivered: true, payload } : { delivered: false, reason: 'no-listener', payload };
}

/** Saves the new-record modal: creates the record and opens it, or shows Salesforce's errors. */
export function saveNewRecord(emulator: LightningEmulator, tab: HostTab, values: unknown): { saved: boolean; recordId?: string; errors?: string[] } {
  const view = tab.view;
  if (view.kind !== 'newRecord') return { saved: false, errors: ['No new-record form is open.'] };
  const typed: Record<string, string> = {};
  if (typeof values === 'object' && values !== null) {
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) typed[name] = typeof value === 'string' ? value : String(value);
  }
  const input = Object.fromEntries(Object.entries(typed).filter(([, v]) => v.trim() !== ''));
  const result = insertRecord(emulator.records, view.entityName, input);
  if (!result.ok) {
    tab.view = { ...view, values: typed, errors: result.errors.map((e) => e.message) };
    emulator.rerender(tab);
    return { saved: false, errors: result.errors.map((e) => e.message) };
  }
  const recordId = String(result.record.fields.Id);
  emulator.navigate(tab, { kind: 'record', recordId });
  return { saved: true, recordId };
}

/** Closes the modal without saving: back to the page underneath. */
export function cancelNewRecord(emulator: LightningEmulator, tab: HostTab): void {
  if (tab.view.kind === 'newRecord') emulator.navigate(tab, tab.view.background);
}

/** Opens or closes the utility panel, as a click on the utility-bar item or the minimise button. */
export function setPanelVisible(tab: HostTab, visible: boolean): void {
  tab.panel.visible = visible;
}

/**
 * Re-creates the adapter iframe: a browser reload of the utility, or a pop-out into a new
 * window. The softphone starts over (listeners and click-to-dial are per instance).
 */
export function recreateFrame(emulator: LightningEmulator, tab: HostTab): Pick<HostUpdate, 'recreateFrame'> {
  tab.recreateFrame();
  return { recreateFrame: { frame: tab.frame, adapterUrl: emulator.adapterUrl(), standby: emulator.standby() } };
}

/**
 * The adapter did not call `notifyInitializationComplete` within `reqTimeout`: Salesforce loads
 * `reqStandbyUrl` instead and keeps it for the rest of the browser session.
 */
export function switchToStandby(emulator: LightningEmulator, tab: HostTab): Pick<HostUpdate, 'recreateFrame'> {
  if (tab.initializationComplete || emulator.standby() === null) return {};
  emulator.standbyActive = true;
  return recreateFrame(emulator, tab);
}
