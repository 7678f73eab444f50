import { TabsError } from './errors.ts';
import { TabLinkImpl } from './tab-link.ts';
import type { ChannelLike, JoinTabsOptions, LockManagerLike, TabId, TabLink } from './types.ts';
import { asBrand } from '../shared/brand.ts';
import { describeValue } from '../shared/errors.ts';

/** Longest accepted name: lock names have no limit, but ours are `dialtone:<internal name>`. */
const MAX_NAME_LENGTH = 200;
const DEFAULT_ACK_TIMEOUT_MS = 2000;

let pageTabId: TabId | undefined;

/** One id per page load; every link of the page shares it. Not persisted: a duplicated tab is a new tab. */
function thisPageTabId(): TabId {
  pageTabId ??= asBrand<TabId>(globalThis.crypto.randomUUID());
  return pageTabId;
}

function defaultLocks(): LockManagerLike | undefined {
  // Web Locks exist only in secure contexts; `navigator` itself is missing in Node.
  return (globalThis.navigator as Navigator | undefined)?.locks;
}

function defaultChannel(): ((name: string) => ChannelLike) | undefined {
  if (typeof globalThis.BroadcastChannel !== 'function') return undefined;
  return (name) => new BroadcastChannel(name);
}

/**
 * Joins the group of tabs sharing one phone under `options.name` and resolves once this tab's
 * role is known: `owner` if the lock was free, `follower` if another tab holds it (this tab then
 * waits in the lock's queue and takes over when it is its turn), `alone` if the browser cannot
 * coordinate tabs. See docs/tabs.md.
 *
 * @throws TabsError `INVALID_NAME` for an empty or over-long name.
 */
export async function joinTabs<S, I>(options: JoinTabsOptions<S, I>): Promise<TabLink<S, I>> {
  const { name } = options;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new TabsError('INVALID_NAME', 'tabs', `joinTabs({ name }) got ${describeValue(name)}; expected a non-empty string of at most ${MAX_NAME_LENGTH} characters, e.g. "dialtone:<callCenterInternalName>".`);
  }
  const link = new TabLinkImpl<S, I>({
    name,
    tabId: options.tabId === undefined ? thisPageTabId() : asBrand<TabId>(options.tabId),
    ackTimeoutMs: options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
    isState: options.isState,
    isIntent: options.isIntent,
  });
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const channel = options.channel === undefined ? defaultChannel() : options.channel;
  if (!locks) {
    link.becomeAlone('no-web-locks');
    return link;
  }
  if (!channel) {
    link.becomeAlone('no-broadcast-channel');
    return link;
  }
  link.attach(channel(name));

  let ownsAtJoin: boolean;
  try {
    ownsAtJoin = await new Promise<boolean>((resolve, reject) => {
      locks
        .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock === null ? undefined : link.holdLock(false);
        })
        .catch(reject);
    });
  } catch {
    // The browser has Web Locks but refuses them here (opaque origin, sandboxed frame): run alone.
    link.becomeAlone('locks-refused');
    return link;
  }
  if (ownsAtJoin) return link;

  link.becomeFollower();
  // Queued behind the owner (and any earlier followers): granted when they are all gone.
  locks.request(name, { mode: 'exclusive' }, () => link.holdLock(true)).catch((error: unknown) => {
    // Without a queued request this tab can never take over; it keeps mirroring the owner.
    console.warn(`[dialtone tabs] tabs:${name}: the queued lock request failed; this tab will not take over`, error);
  });
  return link;
}
