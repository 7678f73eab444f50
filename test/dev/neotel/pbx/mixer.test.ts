import { describe, expect, it } from 'vitest';
import { toneLevelDbfs } from '../../../../dev/neotel/pbx/media/goertzel.ts';
import {
  conferenceRouting, legsInRouting, mixForListeners, sumFrames, twoPartyRouting, withListener, withWhisper,
} from '../../../../dev/neotel/pbx/media/mixer.ts';
import { MixingEngine, type MediaParticipant } from '../../../../dev/neotel/pbx/media/mixing-engine.ts';
import { ToneOscillator } from '../../../../dev/neotel/pbx/media/tone.ts';
import type { Routing } from '../../../../dev/neotel/pbx/types.ts';

const TONES = { agent: 500, customer: 800, supervisor: 1200 } as const;
type Party = keyof typeof TONES;

/** Mixes 25 frames (0.5 s) of each party's tone through `routing`; returns what each listener heard. */
function listen(routing: Routing): Record<string, Int16Array> {
  const oscillators = Object.fromEntries(Object.entries(TONES).map(([id, hz]) => [id, new ToneOscillator([hz], 6000)]));
  const heard: Record<string, number[]> = {};
  for (let tick = 0; tick < 25; tick++) {
    const frames = new Map(Object.entries(oscillators).map(([id, oscillator]) => [id, oscillator.next()]));
    for (const [listener, frame] of mixForListeners(routing, frames)) (heard[listener] ??= []).push(...frame);
  }
  return Object.fromEntries(Object.entries(heard).map(([id, samples]) => [id, Int16Array.from(samples)]));
}

/** Which parties' tones are audible (> −40 dBFS) in `samples`. */
function audible(samples: Int16Array | undefined): Party[] {
  if (!samples) return [];
  return (Object.keys(TONES) as Party[]).filter((party) => toneLevelDbfs(samples, TONES[party]) > -40);
}

describe('mixer routing', () => {
  it('two-party: each hears only the other', () => {
    const heard = listen(twoPartyRouting('agent', 'customer'));
    expect(audible(heard.agent)).toEqual(['customer']);
    expect(audible(heard.customer)).toEqual(['agent']);
    expect(heard.supervisor).toBeUndefined();
  });

  it('conference: everyone hears the other two and never themselves', () => {
    const heard = listen(conferenceRouting(['agent', 'customer', 'supervisor']));
    expect(audible(heard.agent)).toEqual(['customer', 'supervisor']);
    expect(audible(heard.customer)).toEqual(['agent', 'supervisor']);
    expect(audible(heard.supervisor)).toEqual(['agent', 'customer']);
    expect(toneLevelDbfs(heard.agent!, TONES.agent)).toBeLessThan(-90);
  });

  it('listen: the supervisor hears both parties and nobody hears the supervisor', () => {
    const heard = listen(withListener(twoPartyRouting('agent', 'customer'), 'supervisor'));
    expect(audible(heard.supervisor)).toEqual(['agent', 'customer']);
    expect(audible(heard.agent)).toEqual(['customer']);
    expect(audible(heard.customer)).toEqual(['agent']);
  });

  it('assist (whisper): the agent hears the supervisor, the customer does not', () => {
    const routing = withWhisper(twoPartyRouting('agent', 'customer'), 'supervisor', 'agent');
    const heard = listen(routing);
    expect(audible(heard.agent)).toEqual(['customer', 'supervisor']);
    expect(audible(heard.customer)).toEqual(['agent']);
    expect(audible(heard.supervisor)).toEqual(['agent', 'customer']);
    expect(toneLevelDbfs(heard.customer!, TONES.supervisor)).toBeLessThan(-90);
  });

  it('a listener named as its own source still does not hear itself', () => {
    expect(audible(listen({ agent: ['agent', 'customer'] }).agent)).toEqual(['customer']);
  });

  it('clips sums to int16 instead of wrapping around', () => {
    const loud = new Int16Array(160).fill(30000);
    expect(sumFrames([loud, loud])[0]).toBe(32767);
    expect(sumFrames([loud.map((v) => -v), loud.map((v) => -v)])[0]).toBe(-32768);
    expect(sumFrames([undefined, loud])[5]).toBe(30000);
  });

  it('lists every leg a routing mentions', () => {
    expect(legsInRouting(withListener(twoPartyRouting('a', 'b'), 's')).sort()).toEqual(['a', 'b', 's']);
  });
});

class FakeParty implements MediaParticipant {
  mediaActive = true;
  readonly heard: Int16Array[] = [];
  private readonly oscillator: ToneOscillator;
  constructor(readonly id: string, hz: number) {
    this.oscillator = new ToneOscillator([hz], 6000);
  }
  produceFrame(): Int16Array {
    return this.oscillator.next();
  }
  consumeFrame(frame: Int16Array): void {
    this.heard.push(frame);
  }
  samples(): Int16Array {
    return Int16Array.from(this.heard.flatMap((frame) => [...frame]));
  }
}

describe('mixing engine', () => {
  it('delivers one frame per tick to every active party, silence to those in no room', () => {
    const engine = new MixingEngine();
    const [agent, customer, idle] = [new FakeParty('agent', 500), new FakeParty('customer', 800), new FakeParty('idle', 1200)];
    for (const party of [agent, customer, idle]) engine.addParticipant(party);
    engine.addRoom({ callId: 'c1', routing: twoPartyRouting('agent', 'customer') });
    for (let i = 0; i < 25; i++) engine.tick();
    engine.close();
    expect([agent.heard.length, customer.heard.length, idle.heard.length]).toEqual([25, 25, 25]);
    expect(audible(agent.samples())).toEqual(['customer']);
    expect(audible(idle.samples())).toEqual([]);
  });

  it('records the full room mix per call id, and sums the rooms of one call', () => {
    const engine = new MixingEngine();
    const parties = ['agent', 'customer', 'supervisor'].map((id) => new FakeParty(id, TONES[id as Party]));
    for (const party of parties) engine.addParticipant(party);
    engine.addRoom({ callId: 'c1', routing: twoPartyRouting('agent', 'customer') });
    engine.addRoom({ callId: 'c1', routing: { supervisor: [] } });
    for (let i = 0; i < 25; i++) engine.tick();
    engine.close();
    const recording = engine.recording('c1')!.toInt16Array();
    expect(recording.length).toBe(25 * 160);
    expect(audible(recording)).toEqual(['agent', 'customer', 'supervisor']);
    expect(engine.recording('other')).toBeUndefined();
  });

  it('leaves inactive parties out of the mix and out of the recording', () => {
    const engine = new MixingEngine();
    const [agent, customer] = [new FakeParty('agent', 500), new FakeParty('customer', 800)];
    customer.mediaActive = false;
    engine.addParticipant(agent);
    engine.addParticipant(customer);
    engine.addRoom({ callId: 'c2', routing: twoPartyRouting('agent', 'customer') });
    for (let i = 0; i < 10; i++) engine.tick();
    engine.close();
    expect(customer.heard).toHaveLength(0);
    expect(audible(engine.recording('c2')!.toInt16Array())).toEqual(['agent']);
  });
});

describe('mixing engine memory bounds', () => {
  it('keeps only the newest maxRecordings recordings', () => {
    const engine = new MixingEngine({ maxRecordings: 2 });
    const party = new FakeParty('agent', 500);
    engine.addParticipant(party);
    for (const callId of ['c1', 'c2', 'c3']) {
      const room = { callId, routing: { agent: [] } };
      engine.addRoom(room);
      engine.tick();
      engine.removeRoom(room);
    }
    engine.close();
    expect([engine.recording('c1'), engine.recording('c2') !== undefined, engine.recording('c3') !== undefined]).toEqual([undefined, true, true]);
  });
});
