/**
 * Who gets work next: queued calls go to the longest-idle free member of their queue; then the
 * dialer gives each free agent of a Predictive or Preview campaign the next record of the
 * campaign's base (Manual campaigns get nothing). Inbound calls come first.
 */
import { deliverDialerContact, offerQueuedCall } from './agent-calls.ts';
import type { AgentSession, Call } from './model.ts';
import { isFreeForWork } from './sessions.ts';
import type { World } from './world.ts';

const retryScheduled = new WeakSet<Call>();

function freeMembers(world: World, call: Call): AgentSession[] {
  const queue = world.queues.get(call.queue);
  if (!queue) return [];
  return queue.members
    .map((member) => world.sessions.get(member))
    .filter((s): s is AgentSession => s !== undefined && isFreeForWork(world, s))
    .sort((a, b) => a.idleSince - b.idleSince);
}

function distributeQueuedCalls(world: World): void {
  const queued = [...world.calls.values()].filter((c) => c.phase === 'queued' && c.kind !== 'dialer').sort((a, b) => a.startedAt - b.startedAt);
  for (const call of queued) {
    if (call.customer?.leg.state === 'ringing') continue; // the caller is not connected to the platform yet
    const members = freeMembers(world, call);
    const untried = members.find((s) => !call.triedAgents.has(s.user.id));
    if (untried) {
      offerQueuedCall(world, call, untried);
      continue;
    }
    if (members.length > 0 && !retryScheduled.has(call)) {
      // Everybody free already declined or missed it: offer it round again a little later.
      retryScheduled.add(call);
      call.cleanups.push(
        world.later(world.scenario.dialer.requeueDelayMs, () => {
          retryScheduled.delete(call);
          call.triedAgents.clear();
          world.requestDistribution();
        }),
      );
    }
  }
}

function runDialer(world: World): void {
  const sessions = [...world.sessions.values()].sort((a, b) => a.idleSince - b.idleSince);
  for (const session of sessions) {
    const campaign = session.campaign;
    if (!campaign || campaign.dialer === 'Manual' || campaign.base === 0 || !isFreeForWork(world, session)) continue;
    const pick = world.contacts.nextForDialer(campaign.base, session.user.id, world.now());
    if (pick) deliverDialerContact(world, session, campaign, pick);
  }
}

/** One distribution pass; `dialer: true` runs the dialer even when it is stopped (one-off delivery). */
export function distribute(world: World, options: { dialer?: boolean } = {}): void {
  if (world.isClosed) return;
  distributeQueuedCalls(world);
  if (world.dialerRunning || options.dialer === true) runDialer(world);
}

/** Runs {@link distribute} on request and every `dialer.intervalMs` (callbacks falling due). */
export function startDistribution(world: World): void {
  world.setDistribution(() => distribute(world));
  const tick = (): void => {
    distribute(world);
    world.later(world.scenario.dialer.intervalMs, tick);
  };
  world.later(world.scenario.dialer.intervalMs, tick);
}
