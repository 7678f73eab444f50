import type { SettingsMap } from '../../../src/config/settings-map.ts';
import type { SoftphoneLayout } from '../layout/softphone-layout.ts';
import type { RecordStore } from '../records/record-store.ts';
import type { HostTab } from '../state/host-tab.ts';
import type { HostView } from '../views/host-view.ts';
import type { OpenCtiRequest, OpenCtiResponse } from './protocol.ts';

/** The org-wide state a method may read or change (shared by every tab). */
export interface Org {
  readonly records: RecordStore;
  settings(): SettingsMap;
  layout(): SoftphoneLayout;
  /** Delivers a Lightning Message Service message to every subscribed softphone. */
  publish(channel: string, message: unknown): void;
  /** Sales Engagement work items completed by the softphone. */
  readonly completedWork: { workId: string; attributes: unknown }[];
}

/** What a method handler gets: the request, the tab it came from, the org, and navigation. */
export interface MethodContext {
  readonly request: OpenCtiRequest;
  readonly args: Readonly<Record<string, unknown>>;
  readonly tab: HostTab;
  readonly org: Org;
  /** Shows a view in the tab and fires `onNavigationChange`. */
  navigate(view: HostView): void;
  /** Re-renders the current view from the store (`refreshView`). */
  refresh(): void;
}

/** A host-side implementation of one Open CTI method. */
export type MethodHandler = (ctx: MethodContext) => OpenCtiResponse;
