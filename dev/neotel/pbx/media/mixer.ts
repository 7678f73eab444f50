/**
 * Pure mixing: who hears whom is a routing matrix (`routes[listener] = sources`), and each
 * listener gets the clipped sum of its sources' frames. The same code covers a two-party call,
 * a conference (N−1), supervisor listen and assist (whisper); the builders below make those
 * matrices so the contact center does not hand-write them.
 */

import type { Routing } from '../types.ts';
import { FRAME_SAMPLES } from './tone.ts';

function clamp16(value: number): number {
  return value > 32767 ? 32767 : value < -32768 ? -32768 : value;
}

/** Sums frames sample by sample, clipped to int16. Missing frames count as silence. */
export function sumFrames(frames: Iterable<Int16Array | undefined>, frameSamples = FRAME_SAMPLES): Int16Array {
  const accumulator = new Int32Array(frameSamples);
  for (const frame of frames) {
    if (!frame) continue;
    for (let i = 0; i < frameSamples; i++) accumulator[i]! += frame[i] ?? 0;
  }
  const out = new Int16Array(frameSamples);
  for (let i = 0; i < frameSamples; i++) out[i] = clamp16(accumulator[i]!);
  return out;
}

/**
 * One mixed frame per listener in `routing`. A listener never hears itself, even if a routing
 * lists it as its own source (the far end would hear an echo).
 */
export function mixForListeners(
  routing: Routing,
  frames: ReadonlyMap<string, Int16Array | undefined>,
  frameSamples = FRAME_SAMPLES,
): Map<string, Int16Array> {
  const out = new Map<string, Int16Array>();
  for (const [listener, sources] of Object.entries(routing)) {
    out.set(listener, sumFrames(sources.filter((id) => id !== listener).map((id) => frames.get(id)), frameSamples));
  }
  return out;
}

/** Every leg id a routing mentions, as listener or as source. */
export function legsInRouting(routing: Routing): string[] {
  const ids = new Set<string>();
  for (const [listener, sources] of Object.entries(routing)) {
    ids.add(listener);
    for (const source of sources) ids.add(source);
  }
  return [...ids];
}

/** A two-party call: each hears the other. */
export function twoPartyRouting(a: string, b: string): Routing {
  return { [a]: [b], [b]: [a] };
}

/** A conference: everyone hears everyone else (N−1). */
export function conferenceRouting(legIds: readonly string[]): Routing {
  return Object.fromEntries(legIds.map((id) => [id, legIds.filter((other) => other !== id)]));
}

/** Supervisor listen: the supervisor hears every party of `base`; nobody hears the supervisor. */
export function withListener(base: Routing, supervisorId: string): Routing {
  const parties = legsInRouting(base).filter((id) => id !== supervisorId);
  const routing: Record<string, readonly string[]> = {};
  for (const [listener, sources] of Object.entries(base)) {
    if (listener !== supervisorId) routing[listener] = sources.filter((id) => id !== supervisorId);
  }
  routing[supervisorId] = parties;
  return routing;
}

/** Supervisor assist (whisper): listen, plus the agent hears the supervisor. The customer does not. */
export function withWhisper(base: Routing, supervisorId: string, agentId: string): Routing {
  const routing: Record<string, readonly string[]> = { ...withListener(base, supervisorId) };
  routing[agentId] = [...(routing[agentId] ?? []), supervisorId];
  return routing;
}
