/**
 * The data the host page renders (it never receives HTML): the server turns views and records
 * into these plain structures, the browser turns them into DOM nodes with `textContent` only.
 * Shared by the server (`render.ts`) and the browser (`host/*`), so type-only.
 */

/** One value on screen. Phones become click-to-dial links, references links to the record. */
export interface RenderedValue {
  text: string;
  kind: 'text' | 'phone' | 'email' | 'recordLink';
  /** Record the value belongs to (phones) or points to (record links). */
  recordId?: string;
  /** Field API name, for phones: which field a click dials. */
  field?: string;
}

export interface RenderedField {
  apiName: string;
  label: string;
  value: RenderedValue;
}

export interface RenderedTable {
  title: string;
  /** Object API name of the rows, when homogeneous. */
  objectName?: string;
  columns: string[];
  rows: { recordId: string; cells: RenderedValue[] }[];
}

export interface RenderedModal {
  entityName: string;
  title: string;
  fields: { apiName: string; label: string; value: string; required: boolean }[];
  ignoredDefaults: { name: string; value: string }[];
  errors: string[];
}

export interface RenderedView {
  kind: string;
  path: string;
  title: string;
  subtitle: string;
  recordId?: string;
  objectName?: string;
  fields: RenderedField[];
  tables: RenderedTable[];
  notice?: string;
  /** Set while the new-record modal is open over this view. */
  modal?: RenderedModal;
}

/** Utility bar, panel and click-to-dial state. */
export interface ChromeState {
  panel: { visible: boolean; heightPX: number; widthPX: number; label: string; icon: string };
  item: { label: string; icon: string };
  clickToDialEnabled: boolean;
  /** Problems an admin would see (a refused call-center import, the dev origin allowance). */
  banners: string[];
}

/** A message the host page posts into the adapter frame. */
export interface OutgoingMessage {
  methodName: string;
  callId: number;
  apiVersion: unknown;
  apiType: 'opencti';
  response: unknown;
  shouldExecuteCallback: boolean;
  shouldExecuteListener: boolean;
  eventName?: string;
}

/** Everything the page applies after a request, a click or a push from the control API. */
export interface HostUpdate {
  /** Messages to post to the adapter, in order. */
  messages: OutgoingMessage[];
  view: RenderedView;
  chrome: ChromeState;
  /**
   * Re-create the adapter iframe (reload, pop-out, standby switch) as generation `frame`;
   * `standby` restarts the `reqTimeout` watch for the new softphone.
   */
  recreateFrame?: { frame: number; adapterUrl: string; standby: { url: string; timeoutMs: number } | null };
}

/** What the page receives when it registers itself. */
export interface BootInfo {
  tabId: string;
  /** Adapter iframe generation the page starts with. */
  frame: number;
  adapterUrl: string;
  standby: { url: string; timeoutMs: number } | null;
  update: HostUpdate;
}
