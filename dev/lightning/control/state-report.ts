import type { CallCenterSnapshot } from '../settings/call-center.ts';
import type { Injection } from '../opencti/error-injection.ts';
import type { LightningEmulator } from '../state/emulator.ts';
import type { PanelState } from '../state/host-tab.ts';
import { appViewInfo, type AppViewInfo, type HostView } from '../views/host-view.ts';

/** One console tab as `GET /__control/state` reports it. */
export interface TabReport {
  id: string;
  frame: number;
  origin: string;
  connected: boolean;
  panel: PanelState;
  item: { label: string; icon: string };
  clickToDialEnabled: boolean;
  /** Listener keys the softphone registered: `onClickToDial`, `subscribe:Channel__c`… */
  listeners: string[];
  initializationComplete: boolean;
  refreshCount: number;
  view: HostView;
  appViewInfo: AppViewInfo;
  rendered: { kind: string; path: string; title: string; modal: string | null };
}

/** `GET /__control/state`: everything a test may want to assert about the console at once. */
export interface ControlState {
  /** The requested tab, or the newest connected one; null when no page is open. */
  tab: TabReport | null;
  tabs: { id: string; connected: boolean; createdAt: string; frame: number }[];
  adapterUrl: string;
  standbyActive: boolean;
  callCenter: CallCenterSnapshot;
  injections: Injection[];
  completedWork: { workId: string; attributes: unknown }[];
  counts: { records: number; requests: number; events: number };
}

export function controlState(emulator: LightningEmulator, tabId: string | undefined): ControlState {
  let tab: ReturnType<LightningEmulator['tab']> | undefined;
  try {
    tab = emulator.tab(tabId);
  } catch (error) {
    // With no tab open the rest of the state is still worth reporting; a wrong id is not.
    if (tabId !== undefined) throw error;
  }
  return {
    tab: tab ? tabReport(emulator, tab) : null,
    tabs: [...emulator.tabs.values()].map((t) => ({ id: t.id, connected: t.stream !== undefined, createdAt: t.createdAt, frame: t.frame })),
    adapterUrl: emulator.adapterUrl(),
    standbyActive: emulator.standbyActive,
    callCenter: emulator.callCenter.snapshot(),
    injections: emulator.injections.list(),
    completedWork: emulator.completedWork,
    counts: { records: emulator.records.size, requests: emulator.log.requests.length, events: emulator.log.events.length },
  };
}

function tabReport(emulator: LightningEmulator, tab: ReturnType<LightningEmulator['tab']>): TabReport {
  const rendered = emulator.renderedView(tab);
  return {
    id: tab.id,
    frame: tab.frame,
    origin: tab.origin,
    connected: tab.stream !== undefined,
    panel: { ...tab.panel },
    item: { ...tab.item },
    clickToDialEnabled: tab.clickToDialEnabled,
    listeners: tab.listenerKeys(),
    initializationComplete: tab.initializationComplete,
    refreshCount: tab.refreshCount,
    view: tab.view,
    appViewInfo: appViewInfo(tab.view, tab.origin, emulator.records),
    rendered: { kind: rendered.kind, path: rendered.path, title: rendered.title, modal: rendered.modal?.title ?? null },
  };
}
