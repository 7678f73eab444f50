/**
 * The tick loop that makes rooms sound: every 20 ms (drift-free `FrameClock`) it takes one frame
 * from every active participant, mixes each room's routing, gives every participant the sum of
 * what it hears in all its rooms (silence when in none, so RTP keeps flowing and `heard()`
 * stays time-aligned), and appends each room's full mix to its call's recording. The clock runs
 * only while some leg is up, so an idle PBX costs no CPU.
 */

import type { Routing } from '../types.ts';
import { FrameClock, type FrameClockOptions, type FrameClockStats } from './clock.ts';
import { legsInRouting, mixForListeners, sumFrames } from './mixer.ts';
import { PcmRecorder } from './pcm-recorder.ts';
import { FRAME_SAMPLES } from './tone.ts';

/** What a leg offers the engine: one frame out and one frame in per 20 ms tick. */
export interface MediaParticipant {
  readonly id: string;
  /** True while the leg takes part in mixing (it is up). */
  readonly mediaActive: boolean;
  /** The party's next 20 ms of audio, or undefined for silence. */
  produceFrame(): Int16Array | undefined;
  /** What the party hears during this tick (already mixed). */
  consumeFrame(frame: Int16Array): void;
}

/** A room as the engine sees it. */
export interface MixingRoom {
  readonly callId: string;
  readonly routing: Routing;
}

export interface MixingEngineOptions {
  maxRecordedSeconds?: number;
  /** Recordings kept; the oldest call's is dropped past this (default 100). */
  maxRecordings?: number;
  clock?: FrameClockOptions;
}

export interface MixingEngineStats extends FrameClockStats {
  participants: number;
  rooms: number;
  /** Mean and worst time spent in one tick, ms. */
  meanTickMs: number;
  maxTickMs: number;
}

export class MixingEngine {
  private readonly participants = new Map<string, MediaParticipant>();
  private readonly rooms = new Set<MixingRoom>();
  private readonly recordings = new Map<string, PcmRecorder>();
  private readonly clock: FrameClock;
  private tickTimeTotal = 0;
  private tickTimeMax = 0;
  private ticks = 0;

  constructor(private readonly options: MixingEngineOptions = {}) {
    this.clock = new FrameClock(() => this.tick(), options.clock);
  }

  addParticipant(participant: MediaParticipant): void {
    this.participants.set(participant.id, participant);
    this.updateClock();
  }

  removeParticipant(participant: MediaParticipant): void {
    if (this.participants.get(participant.id) === participant) this.participants.delete(participant.id);
    this.updateClock();
  }

  addRoom(room: MixingRoom): void {
    this.rooms.add(room);
    this.updateClock();
  }

  removeRoom(room: MixingRoom): void {
    this.rooms.delete(room);
    this.updateClock();
  }

  recording(callId: string): PcmRecorder | undefined {
    return this.recordings.get(callId);
  }

  get stats(): MixingEngineStats {
    return {
      ...this.clock.stats,
      participants: this.participants.size,
      rooms: this.rooms.size,
      meanTickMs: this.ticks ? this.tickTimeTotal / this.ticks : 0,
      maxTickMs: this.tickTimeMax,
    };
  }

  close(): void {
    this.clock.stop();
    this.participants.clear();
    this.rooms.clear();
  }

  /** One 20 ms step. Public so tests can drive the engine without a clock. */
  tick(): void {
    const started = performance.now();
    const frames = new Map<string, Int16Array | undefined>();
    for (const participant of this.participants.values()) {
      if (participant.mediaActive) frames.set(participant.id, participant.produceFrame());
    }
    const heard = new Map<string, Int16Array[]>();
    const recorded = new Map<string, Int16Array[]>();
    for (const room of this.rooms) {
      const present = legsInRouting(room.routing).filter((id) => frames.has(id));
      if (present.length === 0) continue;
      for (const [listener, frame] of mixForListeners(room.routing, frames)) {
        if (!frames.has(listener)) continue;
        const list = heard.get(listener) ?? [];
        list.push(frame);
        heard.set(listener, list);
      }
      const mix = recorded.get(room.callId) ?? [];
      mix.push(sumFrames(present.map((id) => frames.get(id))));
      recorded.set(room.callId, mix);
    }
    for (const participant of this.participants.values()) {
      if (!participant.mediaActive) continue;
      const parts = heard.get(participant.id);
      participant.consumeFrame(parts?.length === 1 ? parts[0]! : parts ? sumFrames(parts) : new Int16Array(FRAME_SAMPLES));
    }
    for (const [callId, mixes] of recorded) {
      let recorder = this.recordings.get(callId);
      if (!recorder) {
        recorder = new PcmRecorder(this.options.maxRecordedSeconds);
        this.recordings.set(callId, recorder);
        this.evictOldRecordings();
      }
      recorder.append(mixes.length === 1 ? mixes[0]! : sumFrames(mixes));
    }
    const elapsed = performance.now() - started;
    this.ticks++;
    this.tickTimeTotal += elapsed;
    this.tickTimeMax = Math.max(this.tickTimeMax, elapsed);
  }

  private evictOldRecordings(): void {
    const limit = this.options.maxRecordings ?? 100;
    for (const callId of this.recordings.keys()) {
      if (this.recordings.size <= limit) break;
      this.recordings.delete(callId);
    }
  }

  private updateClock(): void {
    if (this.participants.size > 0) this.clock.start();
    else this.clock.stop();
  }
}
