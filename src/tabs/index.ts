/**
 * One phone across browser tabs: Web Locks elect the tab that owns the SIP registration, the
 * NeoApi poll and the screen pops; BroadcastChannel mirrors its state to the other tabs and
 * relays their agent's clicks to it. See docs/tabs.md.
 */
export { joinTabs } from './join-tabs.ts';
export { TabsError } from './errors.ts';
export type { TabsErrorCode } from './errors.ts';
export { PROTOCOL_VERSION } from './messages.ts';
export type { AloneReason, ChannelLike, JoinTabsOptions, LockManagerLike, RelayOutcome, TabId, TabLink, TabRole } from './types.ts';
